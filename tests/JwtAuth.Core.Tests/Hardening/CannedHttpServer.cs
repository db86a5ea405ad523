using System.Net;
using System.Net.Sockets;
using System.Text;

namespace JwtAuth.Core.Tests.Hardening;

/// <summary>
/// A loopback TCP server that reads each whole HTTP request (head and Content-Length body), writes a canned,
/// possibly malformed, answer byte for byte and closes gracefully. Reading the request body first matters:
/// closing a socket with unread input sends a reset, which would turn every answer into "connection lost".
/// </summary>
internal sealed class CannedHttpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private int _requests;

    public CannedHttpServer(Func<string, byte[]> answer)
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

                _ = Task.Run(() => ServeAsync(socket, answer));
            }
        });
    }

    public string BaseUrl => $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";

    public int Requests => Volatile.Read(ref _requests);

    private async Task ServeAsync(Socket socket, Func<string, byte[]> answer)
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

                Interlocked.Increment(ref _requests);
                await stream.WriteAsync(answer(BaseUrl), _stop.Token);
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
