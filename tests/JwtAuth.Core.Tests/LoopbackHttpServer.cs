using System.Net;
using System.Net.Sockets;
using System.Text;

namespace JwtAuth.Core.Tests;

/// <summary>
/// A loopback TCP server for answers the mock cannot give (malformed heads, chunked bodies without a length,
/// HTTP-date Retry-After). It reads each whole request (head and Content-Length body), lets <c>respond</c>
/// write to the connection, then closes gracefully. Reading the request body first matters: closing a socket
/// with unread input sends a reset, which would turn every answer into "connection lost".
/// </summary>
internal sealed class LoopbackHttpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private int _requests;

    /// <param name="respond">Called with the 1-based request number and the connection, once per request.</param>
    public LoopbackHttpServer(Func<int, Stream, CancellationToken, Task> respond)
    {
        _listener.Start();
        _loop = Task.Run(async () =>
        {
            while (!_stop.IsCancellationRequested)
            {
                Socket socket;
                try
                {
                    socket = await _listener.AcceptSocketAsync(_stop.Token);
                }
                catch (Exception)
                {
                    return;
                }

                _ = Task.Run(() => ServeAsync(socket, respond));
            }
        });
    }

    /// <summary>A server that answers every request with the same bytes, made from its own base URL.</summary>
    public static LoopbackHttpServer Canned(Func<string, byte[]> answer)
    {
        LoopbackHttpServer? server = null;
        server = new LoopbackHttpServer((_, stream, token) => stream.WriteAsync(answer(server!.BaseUrl), token).AsTask());
        return server;
    }

    public string BaseUrl => $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";

    public int Requests => Volatile.Read(ref _requests);

    public static Task WriteAsync(Stream stream, string text, CancellationToken token) =>
        stream.WriteAsync(Encoding.ASCII.GetBytes(text), token).AsTask();

    private async Task ServeAsync(Socket socket, Func<int, Stream, CancellationToken, Task> respond)
    {
        using (socket)
        using (var stream = new NetworkStream(socket, ownsSocket: false))
        {
            try
            {
                var length = await ReadHeadAsync(stream);
                var body = new byte[Math.Max(length, 0)];
                for (var read = 0; read < body.Length;)
                {
                    var n = await stream.ReadAsync(body.AsMemory(read), _stop.Token);
                    if (n == 0) return;
                    read += n;
                }

                await respond(Interlocked.Increment(ref _requests), stream, _stop.Token);
                socket.Shutdown(SocketShutdown.Send);

                // Wait for the client to hang up, so nothing it still sends meets a closed socket.
                using var linger = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
                linger.CancelAfter(TimeSpan.FromSeconds(10));
                var sink = new byte[4096];
                while (await stream.ReadAsync(sink, linger.Token) > 0)
                {
                }
            }
            catch (Exception)
            {
                // The client gave up first: several answers provoke exactly that.
            }
        }
    }

    private async Task<int> ReadHeadAsync(Stream stream)
    {
        var head = new StringBuilder();
        var one = new byte[1];
        while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
        {
            if (await stream.ReadAsync(one, _stop.Token) == 0) return -1;
            head.Append((char)one[0]);
        }

        foreach (var line in head.ToString().Split("\r\n"))
        {
            if (line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
                return int.Parse(line.Substring("Content-Length:".Length).Trim());
        }

        return 0;
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        await _loop;
        _stop.Dispose();
    }
}
