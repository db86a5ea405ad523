using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace JwtAuth.Core.Store
{
    /// <summary>A token in protected form: the scheme that protected it and the base64 of the protected bytes.</summary>
    internal sealed class ProtectedToken : IStoreDocument
    {
        [JsonProperty("scheme")] public string Scheme { get; set; } = string.Empty;
        [JsonProperty("data")] public string Data { get; set; } = string.Empty;

        public void WriteTo(JsonWriter writer)
        {
            writer.WriteStartObject();
            writer.Field("scheme", Scheme);
            writer.Field("data", Data);
            writer.WriteEndObject();
        }

        public static ProtectedToken Read(JObject json) => new ProtectedToken
        {
            Scheme = StoreFields.String(json, "scheme", string.Empty)!,
            Data = StoreFields.String(json, "data", string.Empty)!,
        };
    }
}
