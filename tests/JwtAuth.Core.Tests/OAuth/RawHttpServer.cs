using System.Net;
using System.Net.Sockets;
using System.Text;

namespace JwtAuth.Core.Tests.OAuth;

/// <summary>
/// A minimal loopback HTTP/1.1 server for answers the mock does not produce (chunked bodies without a length,
/// HTTP-date Retry-After). Each connection gets one answer from <c>respond</c>; stops on dispose.
/// </summary>
internal sealed class RawHttpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private int _requests;

    public RawHttpServer(Func<int, Stream, CancellationToken, Task> respond)
    {
        _listener.Start();
        _loop = Task.Run(async () =>
        {
            while (!_stop.IsCancellationRequested)
            {
                TcpClient client;
                try
                {
                    client = await _listener.AcceptTcpClientAsync(_stop.Token);
                }
                catch (Exception)
                {
                    return;
                }

                _ = Task.Run(async () =>
                {
                    using (client)
                    {
                        try
                        {
                            var stream = client.GetStream();
                            await ReadHeadersAsync(stream, _stop.Token);
                            await respond(Interlocked.Increment(ref _requests), stream, _stop.Token);
                        }
                        catch (Exception)
                        {
                            // The client hung up (that is what several tests provoke).
                        }
                    }
                });
            }
        });
    }

    public string BaseUrl => $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";

    public int Requests => Volatile.Read(ref _requests);

    public static Task WriteAsync(Stream stream, string text, CancellationToken token) =>
        stream.WriteAsync(Encoding.ASCII.GetBytes(text), token).AsTask();

    private static async Task ReadHeadersAsync(Stream stream, CancellationToken token)
    {
        var seen = new StringBuilder();
        var buffer = new byte[1];
        while (!seen.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
        {
            if (await stream.ReadAsync(buffer, token) == 0) return;
            seen.Append((char)buffer[0]);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        await _loop;
        _stop.Dispose();
    }
}
