using System;

namespace JwtAuth.Core.SfCli
{
    /// <summary>
    /// A registration with the Salesforce CLI whose files are locked and whose new contents are staged
    /// (<see cref="SfCliAuthRegistrar.Prepare"/>): <see cref="Commit"/> writes them; disposing releases the locks.
    /// </summary>
    public sealed class SfCliPendingRegistration : IDisposable
    {
        private readonly SfCliFileSet _change;
        private readonly SfCliRegistration _result;
        private bool _committed;

        internal SfCliPendingRegistration(SfCliFileSet change, SfCliRegistration result)
        {
            _change = change;
            _result = result;
        }

        /// <summary>Writes the staged files; no wait, since every lock is already held.</summary>
        public SfCliRegistration Commit()
        {
            if (_committed) throw new InvalidOperationException("This registration was already committed.");
            _committed = true;
            _change.Commit();
            return _result;
        }

        public void Dispose() => _change.Dispose();
    }
}
