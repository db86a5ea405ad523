using System;
using System.Management.Automation;
using JwtAuth.Core.Service;
using JwtAuth.Infrastructure;

namespace JwtAuth.Commands
{
    /// <summary>Forgets an org's auth, its alias and its default marks (and, with -SfCli, the Salesforce CLI's too).</summary>
    [Cmdlet(VerbsCommunications.Disconnect, "SfOrg", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(void))]
    public sealed class DisconnectSfOrgCommand : SfCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Username")]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(OrgNameCompleter))]
        public string[] Name { get; set; } = Array.Empty<string>();

        [Parameter]
        public SwitchParameter SfCli { get; set; }

        protected override void ProcessRecord()
        {
            var service = OrgAuthService.ForCurrentUser(TimeSpan.FromSeconds(30));
            foreach (var name in Name)
            {
                try
                {
                    var targets = service.ResolveForRemoval(name, SfCli);
                    if (targets.Count == 0)
                    {
                        WriteError(new ErrorRecord(
                            new ItemNotFoundException($"No authorized org matches '{name}'{(SfCli ? " in JwtAuth or the Salesforce CLI" : string.Empty)}. Run Get-SfOrgAuth{(SfCli ? " -SfCli" : string.Empty)} to list the orgs."),
                            "OrgAuthNotFound", ErrorCategory.ObjectNotFound, name));
                        continue;
                    }
                    foreach (var username in targets)
                    {
                        var what = SfCli ? "Remove the auth, alias and default marks from JwtAuth and the Salesforce CLI" : "Remove the auth, alias and default marks";
                        if (!ShouldProcess(username, what)) continue;
                        service.Remove(username, SfCli);
                        WriteVerbose($"Disconnected {username}.");
                    }
                }
                catch (Exception ex) when (!(ex is PipelineStoppedException))
                {
                    WriteCoreError(ex, name);
                }
            }
        }
    }
}
