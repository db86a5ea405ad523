namespace JwtAuth.Core.Login
{
    /// <summary>The outcome of one token POST that got an answer Salesforce could have sent.</summary>
    internal sealed class TokenAttempt
    {
        private TokenAttempt(TokenResponse? token, int statusCode, string? error, string? description)
        {
            Token = token;
            StatusCode = statusCode;
            Error = error;
            ErrorDescription = description;
        }

        public TokenResponse? Token { get; }
        public int StatusCode { get; }
        public string? Error { get; }
        public string? ErrorDescription { get; }

        public static TokenAttempt Success(TokenResponse token) => new TokenAttempt(token, 200, null, null);

        public static TokenAttempt Refused(int statusCode, string error, string? description) =>
            new TokenAttempt(null, statusCode, error, description);
    }
}
