namespace MockSalesforce.Logging;

/// <summary>A file part of a multipart request: its form name, file name, content type and size.</summary>
public sealed record RecordedFile(string Name, string FileName, string? ContentType, long Length);
