namespace JwtAuth.Core.Tests.Login;

/// <summary>IProgress that runs the handler synchronously (Progress&lt;T&gt; posts to the thread pool).</summary>
internal sealed class SyncProgress<T>(Action<T> handler) : IProgress<T>
{
    public void Report(T value) => handler(value);
}
