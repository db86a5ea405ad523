using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;

namespace JwtAuth.Core.Tests.Hardening;

/// <summary>
/// A loopback TCP relay in front of another server that keeps a copy of everything clients send, so a test can
/// see the raw assertions that went over the wire (the mock's request log redacts them). With no target it
/// only counts connections: a host that must never be contacted.
/// </summary>
internal sealed class RecordingRelay : IAsyncDisposable
{
    private static readonly Regex AssertionField = new("assertion=([A-Za-z0-9%._~+-]+)", RegexOptions.CultureInvariant);
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly MemoryStream _sent = new();
    private readonly Task _loop;
    private readonly List<Task> _connections = new();
    private int _accepted;

    public RecordingRelay(Uri? target = null)
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

                Interlocked.Increment(ref _accepted);
                lock (_connections) _connections.Add(target is null ? Task.Run(client.Dispose) : RelayAsync(client, target));
            }
        });
    }

    public string BaseUrl => $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";

    /// <summary>TCP connections accepted so far.</summary>
    public int Connections => Volatile.Read(ref _accepted);

    /// <summary>The assertion values of every token POST that went through, URL-decoded.</summary>
    public IReadOnlyList<string> Assertions()
    {
        string text;
        lock (_sent) text = Encoding.ASCII.GetString(_sent.ToArray());
        return AssertionField.Matches(text).Select(m => Uri.UnescapeDataString(m.Groups[1].Value)).ToList();
    }

    private async Task RelayAsync(TcpClient client, Uri target)
    {
        using (client)
        using (var upstream = new TcpClient())
        {
            try
            {
                await upstream.ConnectAsync(target.Host, target.Port, _stop.Token);
                var down = client.GetStream();
                var up = upstream.GetStream();
                var toServer = PumpAsync(down, up, record: true);
                var toClient = PumpAsync(up, down, record: false);
                await Task.WhenAny(toServer, toClient);
            }
            catch (Exception)
            {
                // Either side hung up.
            }
        }
    }

    private async Task PumpAsync(Stream from, Stream to, bool record)
    {
        var buffer = new byte[16 * 1024];
        while (true)
        {
            var read = await from.ReadAsync(buffer, _stop.Token);
            if (read == 0) return;
            if (record)
            {
                lock (_sent) _sent.Write(buffer, 0, read);
            }

            await to.WriteAsync(buffer.AsMemory(0, read), _stop.Token);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        await _loop;
        Task[] open;
        lock (_connections) open = _connections.ToArray();
        await Task.WhenAll(open.Select(t => t.ContinueWith(_ => { }, TaskScheduler.Default)));
        _stop.Dispose();
    }
}
