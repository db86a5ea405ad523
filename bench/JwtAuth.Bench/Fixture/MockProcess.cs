using System;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;

namespace JwtAuth.Bench.Fixture
{
    /// <summary>
    /// tests/MockSalesforce as its own process (so its CPU use is not counted as the client's), with a fixed
    /// latency on every request. It stops with this process (--parent-pid) or on Dispose.
    /// </summary>
    internal sealed class MockProcess : IAsyncDisposable
    {
        private static readonly HttpClient Control = new HttpClient();
        private readonly Process _process;

        private MockProcess(Process process, string baseUrl, int latencyMs)
        {
            _process = process;
            BaseUrl = baseUrl;
            LatencyMs = latencyMs;
        }

        public string BaseUrl { get; }

        public int LatencyMs { get; }

        public static async Task<MockProcess> StartAsync(string mockDll, string setupPath, int latencyMs)
        {
            var start = new ProcessStartInfo("dotnet")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var arg in new[] { mockDll, "--config", setupPath, "--latency-ms", latencyMs.ToString(CultureInfo.InvariantCulture),
                         "--parent-pid", Environment.ProcessId.ToString(CultureInfo.InvariantCulture), "--lifetime-seconds", "3600" })
            {
                start.ArgumentList.Add(arg);
            }

            var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start the mock.");
            process.ErrorDataReceived += (_, e) => { if (!string.IsNullOrEmpty(e.Data)) Console.Error.WriteLine("mock: " + e.Data); };
            process.BeginErrorReadLine();
            var line = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(120));
            const string prefix = "MockSalesforce listening on ";
            if (line is null || !line.StartsWith(prefix, StringComparison.Ordinal))
            {
                process.Kill(true);
                throw new InvalidOperationException($"The mock did not start (first line: {line ?? "(none)"}).");
            }

            return new MockProcess(process, line.Substring(prefix.Length).Trim(), latencyMs);
        }

        /// <summary>The request log, for counting calls per path and the server's own time.</summary>
        public async Task<JsonElement> RequestsAsync()
        {
            var text = await Control.GetStringAsync(BaseUrl + "/__mock/requests");
            return JsonDocument.Parse(text).RootElement;
        }

        public Task ClearRequestsAsync() => Control.DeleteAsync(BaseUrl + "/__mock/requests");

        public async ValueTask DisposeAsync()
        {
            try
            {
                await Control.PostAsync(BaseUrl + "/__mock/shutdown", null);
                if (!_process.WaitForExit(5000)) _process.Kill(true);
            }
            catch (Exception)
            {
                if (!_process.HasExited) _process.Kill(true);
            }

            _process.Dispose();
        }
    }
}
