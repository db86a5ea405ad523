using System.Collections.Generic;
using System.Linq;
using JwtAuth.Core.Http;
using Newtonsoft.Json.Linq;

namespace JwtAuth.Core.OrgApi
{
    /// <summary>One entry of Salesforce's REST error list: <c>{"message":...,"errorCode":...,"fields":[...]}</c>.</summary>
    public sealed class RestError
    {
        internal RestError(string errorCode, string message, IReadOnlyList<string> fields)
        {
            ErrorCode = errorCode;
            Message = message;
            Fields = fields;
        }

        /// <summary>e.g. <c>INVALID_SESSION_ID</c>, <c>MALFORMED_QUERY</c>, <c>NOT_FOUND</c>.</summary>
        public string ErrorCode { get; }

        /// <summary>Salesforce's text, kept to one short line.</summary>
        public string Message { get; }

        /// <summary>The fields the error is about; empty when Salesforce names none.</summary>
        public IReadOnlyList<string> Fields { get; }

        public override string ToString() =>
            (string.IsNullOrEmpty(Message) ? ErrorCode : $"{ErrorCode}: {Message}") +
            (Fields.Count == 0 ? string.Empty : $" (fields: {string.Join(", ", Fields)})");

        /// <summary>
        /// The entries of an error answer: the documented array, or one such object (some resources answer that way).
        /// Entries without an errorCode (or statusCode) string are skipped; the texts are cleaned and <paramref name="secret"/> masked.
        /// </summary>
        internal static IReadOnlyList<RestError> ListFrom(JToken json, string secret)
        {
            var errors = new List<RestError>();
            foreach (var entry in JsonValues.Objects(json))
            {
                // Save results name the code statusCode; error answers name it errorCode.
                var code = JsonBody.String(entry, "errorCode") ?? JsonBody.String(entry, "statusCode");
                if (string.IsNullOrEmpty(code))
                {
                    continue;
                }

                var fields = entry["fields"] is JArray names
                    ? names.Where(n => n.Type == JTokenType.String).Select(n => ServerText.Clean((string?)n, secret)).ToList()
                    : new List<string>();
                errors.Add(new RestError(ServerText.Clean(code, secret), ServerText.Clean(JsonBody.String(entry, "message"), secret), fields));
            }

            return errors;
        }
    }
}
