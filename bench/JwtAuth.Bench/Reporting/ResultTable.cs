using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;

namespace JwtAuth.Bench.Reporting
{
    /// <summary>The rows every part adds; printed as they come and written as one Markdown table at the end.</summary>
    internal sealed class ResultTable
    {
        private readonly List<(string Part, string Measurement, string Result, string Note)> _rows = new();
        private readonly List<string> _notes = new();

        public void Add(string part, string measurement, string result, string note = "")
        {
            _rows.Add((part, measurement, result, note));
            Console.WriteLine($"  [{part}] {measurement}: {result}{(note.Length > 0 ? "  -- " + note : string.Empty)}");
        }

        public void Note(string text)
        {
            _notes.Add(text);
            Console.WriteLine("  note: " + text);
        }

        public string ToMarkdown(string machine, string load)
        {
            var md = new StringBuilder();
            md.AppendLine($"Run {DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC on {machine}.");
            md.AppendLine($"Load: {load}.");
            md.AppendLine();
            md.AppendLine("| part | measurement | result | note |");
            md.AppendLine("|---|---|---|---|");
            foreach (var row in _rows)
            {
                md.AppendLine($"| {row.Part} | {Escape(row.Measurement)} | {Escape(row.Result)} | {Escape(row.Note)} |");
            }

            if (_notes.Count > 0)
            {
                md.AppendLine();
                foreach (var note in _notes) md.AppendLine("- " + note);
            }

            return md.ToString();
        }

        public void Write(string path, string machine, string load)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            File.WriteAllText(path, ToMarkdown(machine, load));
        }

        private static string Escape(string text) => text.Replace("|", "\\|").Replace("\n", " ");
    }
}
