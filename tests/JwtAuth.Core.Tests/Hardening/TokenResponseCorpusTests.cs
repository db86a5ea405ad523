using System.Security.Cryptography;
using System.Text;
using JwtAuth.Core.Errors;
using JwtAuth.Core.Login;
using JwtAuth.Core.Model;
using JwtAuth.Core.Tests.Login;

namespace JwtAuth.Core.Tests.Hardening;

/// <summary>
/// Table-driven: token answers Salesforce never sends (and a few odd ones it might), served raw over loopback
/// by a TcpListener (<see cref="LoopbackHttpServer"/>), each with the ErrorId the login must end in (or null: the login succeeds).
/// </summary>
public class TokenResponseCorpusTests
{
    private const string Token = "00D000000000001!AQ.corpus-access-token";
    private static readonly Lazy<RSA> Key = new(() => RSA.Create(2048));

    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var name in Cases.Keys) data.Add(name);
        return data;
    }

    private static string Ok(string instanceUrl = "\"{BASE}\"", string id = "\"https://login.salesforce.com/id/00D000000000001AAA/005000000000001AAA\"",
        string extra = "") =>
        "{\"access_token\":\"" + Token + "\",\"instance_url\":" + instanceUrl + ",\"id\":" + id + ",\"token_type\":\"Bearer\",\"scope\":\"api\"" + extra + "}";

    private const string Json = "application/json;charset=UTF-8";
    private const string Html = "text/html; charset=utf-8";
    private const string HtmlPage = "<!DOCTYPE html><html><head><title>Service Unavailable</title></head><body><h1>Maintenance</h1></body></html>";

    /// <summary>name -> (raw HTTP answer; {BASE} is replaced by the server's URL, expected ErrorId or null for success).</summary>
    private static readonly Dictionary<string, (Func<string, byte[]> Answer, string? Expected)> Cases = new()
    {
        ["empty-body-200"] = (Answer(200, Json, ""), "ResponseNotJson"),
        ["empty-body-400"] = (Answer(400, Json, ""), "ResponseNotJson"),
        ["html-200-captive-portal"] = (Answer(200, Html, HtmlPage), "ResponseNotJson"),
        ["html-404"] = (Answer(404, Html, HtmlPage), "ResponseNotJson"),
        ["html-502-outage"] = (Answer(502, Html, HtmlPage), "TokenEndpointUnavailable"),
        ["xml-200"] = (Answer(200, "application/xml", "<?xml version=\"1.0\"?><OAuth><access_token>x</access_token></OAuth>"), "ResponseNotJson"),
        ["nul-bytes-200"] = (Answer(200, Json, "\0\0\0\0"), "ResponseNotJson"),
        ["truncated-json"] = (Answer(200, Json, "{\"access_token\":\"" + Token + "\",\"instance_url\":\"htt"), "ResponseInvalidJson"),
        ["json-with-trailing-garbage"] = (Answer(200, Json, Ok() + "<html>"), "ResponseInvalidJson"),
        ["json-nested-10000-deep"] = (Answer(200, Json, "{\"a\":" + string.Concat(Enumerable.Repeat("[", 10000)) + string.Concat(Enumerable.Repeat("]", 10000)) + "}"), "ResponseInvalidJson"),
        ["json-array"] = (Answer(200, Json, "[]"), "ResponseNotJson"),
        ["json-null"] = (Answer(200, Json, "null"), "ResponseNotJson"),
        ["json-string"] = (Answer(200, Json, "\"" + Token + "\""), "ResponseNotJson"),
        ["json-empty-object"] = (Answer(200, Json, "{}"), "TokenResponseIncomplete"),
        ["access-token-missing"] = (Answer(200, Json, "{\"instance_url\":\"{BASE}\",\"id\":\"https://login.salesforce.com/id/00D/005\"}"), "TokenResponseIncomplete"),
        ["access-token-number"] = (Answer(200, Json, Ok().Replace("\"" + Token + "\"", "12345")), "TokenResponseIncomplete"),
        ["access-token-null"] = (Answer(200, Json, Ok().Replace("\"" + Token + "\"", "null")), "TokenResponseIncomplete"),
        ["access-token-empty"] = (Answer(200, Json, Ok().Replace(Token, "")), "TokenResponseIncomplete"),
        ["instance-url-missing"] = (Answer(200, Json, "{\"access_token\":\"" + Token + "\",\"id\":\"https://login.salesforce.com/id/00D/005\"}"), "TokenResponseIncomplete"),
        ["instance-url-array"] = (Answer(200, Json, Ok(instanceUrl: "[\"{BASE}\"]")), "TokenResponseIncomplete"),
        ["instance-url-plain-http-remote"] = (Answer(200, Json, Ok(instanceUrl: "\"http://na1.salesforce.com\"")), "TokenResponseIncomplete"),
        ["instance-url-javascript"] = (Answer(200, Json, Ok(instanceUrl: "\"javascript:alert(1)\"")), "TokenResponseIncomplete"),
        // A mangled answer whose instance_url holds part of the token: the message must not echo it.
        ["instance-url-holding-the-token"] = (Answer(200, Json, Ok(instanceUrl: "\"ftp://x/" + Token + "\"")), "TokenResponseIncomplete"),
        ["instance-url-with-path"] = (Answer(200, Json, Ok(instanceUrl: "\"{BASE}/some/path\"")), "TokenResponseIncomplete"),
        ["id-missing"] = (Answer(200, Json, "{\"access_token\":\"" + Token + "\",\"instance_url\":\"{BASE}\"}"), "TokenResponseIncomplete"),
        ["id-object"] = (Answer(200, Json, Ok(id: "{\"org\":\"00D\"}")), "TokenResponseIncomplete"),
        ["id-without-user"] = (Answer(200, Json, Ok(id: "\"https://login.salesforce.com/id/\"")), "TokenResponseIncomplete"),
        ["id-not-a-url"] = (Answer(200, Json, Ok(id: "\"00D000000000001AAA\"")), "TokenResponseIncomplete"),
        ["issued-at-object-ignored"] = (Answer(200, Json, Ok(extra: ",\"issued_at\":{\"ms\":1}")), null),
        ["issued-at-huge-integer-ignored"] = (Answer(200, Json, Ok(extra: ",\"issued_at\":123456789012345678901234567890")), null),
        ["issued-at-negative-ignored"] = (Answer(200, Json, Ok(extra: ",\"issued_at\":-5")), null),
        ["issued-at-float-ignored"] = (Answer(200, Json, Ok(extra: ",\"issued_at\":1.7e12")), null),
        ["extra-fields-and-duplicates-tolerated"] = (Answer(200, Json, Ok(extra: ",\"refresh_token\":null,\"scope\":\"x\",\"nested\":{\"a\":[1,2]}")), null),
        ["utf8-bom-tolerated"] = (Answer(200, Json, "\uFEFF" + Ok()), null),
        ["wrong-content-type-tolerated"] = (Answer(200, "text/plain", Ok()), null),
        ["no-content-type-tolerated"] = (Answer(200, null, Ok()), null),
        ["error-without-error-field"] = (Answer(400, Json, "{\"message\":\"bad\"}"), "ResponseUnexpected"),
        ["error-field-number"] = (Answer(400, Json, "{\"error\":42,\"error_description\":\"x\"}"), "ResponseUnexpected"),
        ["error-invalid-assertion"] = (Answer(400, Json, "{\"error\":\"invalid_grant\",\"error_description\":\"invalid assertion\"}"), "InvalidAssertion"),
        ["error-unknown-with-control-chars"] = (Answer(400, Json, "{\"error\":\"weird\\u0000\\u001b[31m\",\"error_description\":\"" + new string('x', 5000) + "\"}"), "SalesforceAuthError"),
        ["error-401-html"] = (Answer(401, Html, HtmlPage), "ResponseNotJson"),
        ["throttled-429"] = (Answer(429, Json, "{\"error\":\"rate\"}", "Retry-After: 1\r\n"), "TokenEndpointThrottled"),
        ["unavailable-503-json"] = (Answer(503, Json, "{\"error\":\"down\"}"), "TokenEndpointUnavailable"),
        ["huge-body-declared"] = (Answer(200, Json, "{\"a\":\"" + new string('x', 2 * 1024 * 1024) + "\"}"), "ResponseTooLarge"),
        ["huge-body-chunked"] = (_ => Chunked(2 * 1024 * 1024), "ResponseTooLarge"),
        ["redirect-302-to-other-host"] = (Answer(302, null, "", "Location: https://evil.example.com/services/oauth2/token\r\n"), "TokenEndpointRedirect"),
        ["redirect-307-without-location"] = (Answer(307, null, ""), "TokenEndpointRedirect"),
        ["no-answer-at-all"] = (_ => Array.Empty<byte>(), "ConnectionLost"),
        ["garbage-status-line"] = (_ => Encoding.ASCII.GetBytes("HELLO WORLD\r\n\r\n"), "ConnectionFailed"),
        ["body-shorter-than-declared"] = (_ => Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 500\r\nConnection: close\r\n\r\n{\"access_token\":"), "ConnectionLost"),
    };

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Token_answer(string name)
    {
        var (answer, expected) = Cases[name];
        await using var server = LoopbackHttpServer.Canned(answer);
        var delays = new RecordingDelay();
        using var client = new SalesforceLoginClient(new SalesforceLoginClientOptions
        {
            Delay = delays.DelayAsync, MaxTransportRetries = 2, FetchOrgDetails = false, RequestTimeout = TimeSpan.FromSeconds(20),
        });
        var request = new JwtLoginRequest { ClientId = "3MVG9corpus", Username = "corpus@example.com", LoginUrl = server.BaseUrl };
        var progress = new ProgressLog();

        Exception? error = null;
        OrgAuth? auth = null;
        try
        {
            auth = await client.LoginAsync(request, Key.Value, KeyReference.File("/keys/corpus.key"), progress);
        }
        catch (Exception e)
        {
            error = e;
        }

        var secrets = HardeningAssert.SecretsOf(null, Token);
        foreach (var item in progress.Items) HardeningAssert.NoSecrets(item.Message, secrets, "progress message");
        if (expected is null)
        {
            Assert.True(error is null, $"{name}: expected success, got {error?.GetType().Name} {(error as JwtAuthException)?.ErrorId}: {error?.Message}");
            Assert.Equal(Token, auth!.AccessToken);
            Assert.Equal("00D000000000001AAA", auth.OrgId);
            HardeningAssert.NoSecrets(auth.ToString()!, secrets, "OrgAuth.ToString");
            return;
        }

        Assert.True(error is JwtAuthException, $"{name}: expected {expected}, got {(error is null ? "success" : error.GetType().FullName + ": " + error.Message)}");
        var typed = (JwtAuthException)error!;
        Assert.True(expected == typed.ErrorId, $"{name}: expected {expected}, got {typed.ErrorId}: {typed.Message}");
        Assert.False(string.IsNullOrWhiteSpace(typed.Fix));
        HardeningAssert.NoSecrets(typed, secrets);
        Assert.DoesNotContain("<html", typed.Message, StringComparison.OrdinalIgnoreCase);
        // Whatever the server sends, the message stays short and free of control characters (terminal escapes).
        Assert.True(typed.Message.Length < 2000, $"{name}: message of {typed.Message.Length} chars");
        Assert.DoesNotContain(typed.Message, c => c < ' ');
    }

    private static Func<string, byte[]> Answer(int status, string? contentType, string body, string extraHeaders = "") => baseUrl =>
    {
        var bytes = Encoding.UTF8.GetBytes(body.Replace("{BASE}", baseUrl));
        var head = $"HTTP/1.1 {status} Status\r\n" + (contentType is null ? string.Empty : $"Content-Type: {contentType}\r\n") +
                   $"Content-Length: {bytes.Length}\r\n{extraHeaders}Connection: close\r\n\r\n";
        return Encoding.ASCII.GetBytes(head).Concat(bytes).ToArray();
    };

    private static byte[] Chunked(int size)
    {
        var text = new StringBuilder("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n");
        var chunk = new string('x', 8192);
        for (var sent = 0; sent < size; sent += chunk.Length) text.Append($"{chunk.Length:X}\r\n{chunk}\r\n");
        text.Append("0\r\n\r\n");
        return Encoding.ASCII.GetBytes(text.ToString());
    }
}
