using Newtonsoft.Json;

namespace JwtAuth.Core.Store
{
    /// <summary>A token in protected form: the scheme that protected it and the base64 of the protected bytes.</summary>
    internal sealed class ProtectedToken
    {
        [JsonProperty("scheme")] public string Scheme { get; set; } = string.Empty;
        [JsonProperty("data")] public string Data { get; set; } = string.Empty;
    }
}
