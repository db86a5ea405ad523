using Newtonsoft.Json;

namespace JwtAuth.Core.Store
{
    /// <summary>A store document (or a part of one) that writes its own fields, in the order and form of format version 1.</summary>
    internal interface IStoreDocument
    {
        void WriteTo(JsonWriter writer);
    }
}
