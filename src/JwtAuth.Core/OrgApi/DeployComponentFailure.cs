namespace JwtAuth.Core.OrgApi
{
    /// <summary>One entry of <c>deployResult.details.componentFailures</c>: a component Salesforce did not deploy, and why.</summary>
    public sealed class DeployComponentFailure
    {
        internal DeployComponentFailure(string? componentType, string? fullName, string? fileName, string? problem, string? problemType,
            int? lineNumber, int? columnNumber)
        {
            ComponentType = componentType;
            FullName = fullName;
            FileName = fileName;
            Problem = problem;
            ProblemType = problemType;
            LineNumber = lineNumber;
            ColumnNumber = columnNumber;
        }

        /// <summary>The metadata type, e.g. <c>Settings</c> or <c>CustomObject</c>.</summary>
        public string? ComponentType { get; }

        /// <summary>The component's name, e.g. <c>LightningExperience</c>.</summary>
        public string? FullName { get; }

        /// <summary>Its file in the zip, e.g. <c>settings/LightningExperience.settings</c>.</summary>
        public string? FileName { get; }

        /// <summary>Salesforce's description of what is wrong.</summary>
        public string? Problem { get; }

        /// <summary><c>Error</c> or <c>Warning</c>.</summary>
        public string? ProblemType { get; }

        public int? LineNumber { get; }
        public int? ColumnNumber { get; }

        public override string ToString() =>
            $"{ComponentType} {FullName}{(LineNumber.HasValue ? $" (line {LineNumber})" : string.Empty)}: {Problem}";
    }
}
