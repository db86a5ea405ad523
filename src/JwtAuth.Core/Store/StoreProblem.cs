namespace JwtAuth.Core.Store
{
    /// <summary>
    /// A store file that could not be read, reported beside the auths that could:
    /// one bad file never hides the others.
    /// </summary>
    public sealed class StoreProblem
    {
        public StoreProblem(string path, string errorId, string message)
        {
            Path = path;
            ErrorId = errorId;
            Message = message;
        }

        /// <summary>Full path of the file at fault.</summary>
        public string Path { get; }

        /// <summary>A <see cref="StoreErrorIds"/> value.</summary>
        public string ErrorId { get; }

        /// <summary>What is wrong and what to do, naming the file; never a secret.</summary>
        public string Message { get; }

        internal static StoreProblem From(StoreException e) => new StoreProblem((e.Target as string) ?? string.Empty, e.ErrorId, e.Message);

        public override string ToString() => $"{ErrorId}: {Message}";
    }
}
