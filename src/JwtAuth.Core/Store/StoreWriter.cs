using System;
using Newtonsoft.Json;

namespace JwtAuth.Core.Store
{
    /// <summary>One field of a store document written as format version 1 writes it: a null value as <c>null</c>.</summary>
    internal static class StoreWriter
    {
        public static void Field(this JsonWriter writer, string name, string? value)
        {
            writer.WritePropertyName(name);
            writer.WriteValue(value);
        }

        public static void Field(this JsonWriter writer, string name, long value)
        {
            writer.WritePropertyName(name);
            writer.WriteValue(value);
        }

        public static void Field(this JsonWriter writer, string name, DateTimeOffset? value)
        {
            writer.WritePropertyName(name);
            writer.WriteValue(value);
        }

        public static void Field(this JsonWriter writer, string name, IStoreDocument? value)
        {
            writer.WritePropertyName(name);
            if (value is null) writer.WriteNull();
            else value.WriteTo(writer);
        }

        /// <summary>A field left out when it has no value.</summary>
        public static void OptionalField(this JsonWriter writer, string name, string? value)
        {
            if (value != null) writer.Field(name, value);
        }
    }
}
