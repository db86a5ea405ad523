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
                    // A literal name that matches nothing throws OrgAuthNotFound; a wildcard that matches nothing is silent.
                    foreach (var username in service.ResolveForRemoval(name, SfCli))
                    {
                        var what = SfCli ? "Remove the auth, alias and default marks from JwtAuth and the Salesforce CLI" : "Remove the auth, alias and default marks";
                        if (!ShouldProcess(username, what)) continue;
                        service.Remove(username, SfCli, StopToken);
                        WriteVerbose($"Disconnected {username}.");
                    }
                }
                catch (OperationCanceledException) when (StopToken.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception ex) when (!(ex is PipelineStoppedException))
                {
                    WriteCoreError(ex, name);
                }
            }
        }
    }
}
