namespace JwtAuth.Core.Store
{
    /// <summary>
    /// Where an auth lives: for this process only (<c>-Scope Process</c>) or in the user's store on disk; or, for a
    /// listing of the Salesforce CLI's orgs, in the CLI's own files; or, for a listed scratch org this machine does not
    /// hold, only at its Dev Hub (neither is ever the scope of anything a store holds).
    /// </summary>
    public enum OrgAuthScope
    {
        Process,
        CurrentUser,
        SfCli,
        DevHub,
    }
}
