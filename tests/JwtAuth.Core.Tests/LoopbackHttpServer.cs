using System.Net;
using System.Net.Sockets;
using System.Text;

namespace JwtAuth.Core.Tests;

/// <summary>
/// A loopback TCP server for answers the mock cannot give (malformed heads, chunked bodies without a length,
/// HTTP-date Retry-After, REST resources the mock does not serve). It reads each whole request (head and
/// Content-Length body), keeps it in <see cref="Received"/>, lets <c>respond</c> write to the connection, then
/// closes gracefully. Reading the request body first matters: closing a socket with unread input sends a reset,
/// which would turn every answer into "connection lost".
/// </summary>
internal sealed class LoopbackHttpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private readonly System.Collections.Concurrent.ConcurrentQueue<ReceivedRequest> _received = new();
    private int _requests;

    /// <param name="respond">Called with the 1-based request number and the connection, once per request.</param>
    public LoopbackHttpServer(Func<int, Stream, CancellationToken, Task> respond)
        : this(new Responder((request, stream, token) => respond(request.Number, stream, token)))
    {
    }

    private LoopbackHttpServer(Responder respond)
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
        server = new LoopbackHttpServer(new Responder((_, stream, token) => stream.WriteAsync(answer(server!.BaseUrl), token).AsTask()));
        return server;
    }

    /// <summary>A server that answers each request with the raw HTTP response <paramref name="answer"/> makes from it.</summary>
    public static LoopbackHttpServer Routed(Func<ReceivedRequest, string> answer) =>
        new(new Responder((request, stream, token) => WriteAsync(stream, answer(request), token)));

    public string BaseUrl => $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";

    public int Requests => Volatile.Read(ref _requests);

    /// <summary>Every request read so far, in arrival order.</summary>
    public IReadOnlyList<ReceivedRequest> Received => _received.ToArray();

    /// <summary>A complete response with a UTF-8 body and Connection: close.</summary>
    public static string Answer(int status, string contentType, string body, string extraHeaders = "") =>
        $"HTTP/1.1 {status} {(status < 300 ? "OK" : "Status")}\r\nContent-Type: {contentType}\r\n{extraHeaders}" +
        $"Content-Length: {Encoding.UTF8.GetByteCount(body)}\r\nConnection: close\r\n\r\n{body}";

    public static string Json(int status, string body) => Answer(status, "application/json;charset=UTF-8", body);

    public static Task WriteAsync(Stream stream, string text, CancellationToken token) =>
        stream.WriteAsync(Encoding.ASCII.GetBytes(text), token).AsTask();

    private delegate Task Responder(ReceivedRequest request, Stream stream, CancellationToken token);

    private async Task ServeAsync(Socket socket, Responder respond)
    {
        using (socket)
        using (var stream = new NetworkStream(socket, ownsSocket: false))
        {
            try
            {
                var head = await ReadHeadAsync(stream);
                if (head is null) return;
                var length = ContentLength(head);
                var body = new byte[Math.Max(length, 0)];
                for (var read = 0; read < body.Length;)
                {
                    var n = await stream.ReadAsync(body.AsMemory(read), _stop.Token);
                    if (n == 0) return;
                    read += n;
                }

                var request = ReceivedRequest.Parse(Interlocked.Increment(ref _requests), head, body);
                _received.Enqueue(request);
                await respond(request, stream, _stop.Token);
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

    private async Task<string?> ReadHeadAsync(Stream stream)
    {
        var head = new StringBuilder();
        var one = new byte[1];
        while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
        {
            if (await stream.ReadAsync(one, _stop.Token) == 0) return null;
            head.Append((char)one[0]);
        }

        return head.ToString();
    }

    private static int ContentLength(string head)
    {
        foreach (var line in head.Split("\r\n"))
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

/// <summary>One request as <see cref="LoopbackHttpServer"/> read it off the socket.</summary>
internal sealed class ReceivedRequest
{
    private ReceivedRequest(int number, string method, string target, IReadOnlyDictionary<string, string> headers, byte[] body)
    {
        Number = number;
        Method = method;
        Target = target;
        Headers = headers;
        Body = body;
    }

    /// <summary>1 for the first request the server read.</summary>
    public int Number { get; }

    public string Method { get; }

    /// <summary>The request target as sent: path and query.</summary>
    public string Target { get; }

    public string Path => Target.Split('?')[0];

    /// <summary>The query without '?', percent-decoded; empty when there is none.</summary>
    public string Query => Target.Contains('?') ? Uri.UnescapeDataString(Target[(Target.IndexOf('?') + 1)..]) : string.Empty;

    /// <summary>Header values by name, any case.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; }

    public byte[] Body { get; }

    public string BodyText => Encoding.UTF8.GetString(Body);

    public static ReceivedRequest Parse(int number, string head, byte[] body)
    {
        var lines = head.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var requestLine = lines[0].Split(' ');
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines.Skip(1))
        {
            var colon = line.IndexOf(':');
            if (colon > 0) headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
        }

        return new ReceivedRequest(number, requestLine[0], requestLine[1], headers, body);
    }
}
