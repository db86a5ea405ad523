using JwtAuth.Core.Errors;

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

        private StoreProblem(StoreException error) : this((error.Target as string) ?? string.Empty, error.ErrorId, error.Message) => Error = error;

        /// <summary>Full path of the file at fault.</summary>
        public string Path { get; }

        /// <summary>A <see cref="StoreErrorIds"/> value.</summary>
        public string ErrorId { get; }

        /// <summary>What is wrong and what to do, naming the file; never a secret.</summary>
        public string Message { get; }

        /// <summary>The error the problem was read as, with its kind and its fix; null for a problem made from parts.</summary>
        private StoreException? Error { get; }

        internal static StoreProblem From(StoreException e) => new StoreProblem(e);

        /// <summary>The problem as the typed error a cmdlet writes: the original one, so its category and fix survive.</summary>
        public JwtAuthException ToException() =>
            Error ?? new StoreException(ErrorId, JwtAuthErrorKind.InvalidData, Message, null, Path);

        public override string ToString() => $"{ErrorId}: {Message}";
    }
}
