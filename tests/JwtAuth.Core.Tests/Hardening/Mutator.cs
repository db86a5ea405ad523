using System.Text;

namespace JwtAuth.Core.Tests.Hardening;

/// <summary>
/// Seeded random damage to valid input: bit flips, truncations, insertions, deletions, byte swaps, duplicated
/// runs and line-ending changes. The same seed gives the same mutations, so a failure names its seed and
/// case number and reproduces.
/// </summary>
internal sealed class Mutator
{
    private static readonly byte[] Interesting = { 0x00, 0x01, 0x02, 0x04, 0x05, 0x30, 0x7F, 0x80, 0x81, 0x82, 0x83, 0x84, 0xFF, (byte)'\n', (byte)'\r', (byte)'-', (byte)'=' };
    private readonly Random _random;

    public Mutator(int seed)
    {
        Seed = seed;
        _random = new Random(seed);
    }

    public int Seed { get; }

    /// <summary>A seed for this run: JWTAUTH_MUTATION_SEED when set (to replay a failure), otherwise a fresh one.</summary>
    public static int RunSeed() =>
        int.TryParse(Environment.GetEnvironmentVariable("JWTAUTH_MUTATION_SEED"), out var fixedSeed) ? fixedSeed : Random.Shared.Next();

    /// <summary>1 to 4 mutations of <paramref name="input"/>; the input itself is not changed.</summary>
    public byte[] Mutate(byte[] input, out string description)
    {
        var data = new List<byte>(input);
        var steps = new List<string>();
        var count = 1 + _random.Next(4);
        for (var i = 0; i < count; i++) steps.Add(MutateOnce(data));
        description = string.Join(", ", steps);
        return data.ToArray();
    }

    public string Mutate(string input, out string description) =>
        Encoding.UTF8.GetString(Mutate(Encoding.UTF8.GetBytes(input), out description));

    private string MutateOnce(List<byte> data)
    {
        if (data.Count == 0)
        {
            data.Add((byte)_random.Next(256));
            return "insert into empty";
        }

        var at = _random.Next(data.Count);
        switch (_random.Next(11))
        {
            case 0:
            case 1:
                var bit = _random.Next(8);
                data[at] ^= (byte)(1 << bit);
                return $"flip bit {bit} at {at}";
            case 2:
                data.RemoveRange(at, data.Count - at);
                return $"truncate at {at}";
            case 3:
                var insert = new byte[1 + _random.Next(16)];
                _random.NextBytes(insert);
                data.InsertRange(at, insert);
                return $"insert {insert.Length} random bytes at {at}";
            case 4:
                var length = Math.Min(1 + _random.Next(64), data.Count - at);
                data.RemoveRange(at, length);
                return $"delete {length} at {at}";
            case 5:
                var other = _random.Next(data.Count);
                (data[at], data[other]) = (data[other], data[at]);
                return $"swap {at} and {other}";
            case 6:
                data[at] = Interesting[_random.Next(Interesting.Length)];
                return $"set byte {at} to 0x{data[at]:X2}";
            case 7:
                var run = Math.Min(1 + _random.Next(128), data.Count - at);
                data.InsertRange(at, data.GetRange(at, run));
                return $"duplicate {run} at {at}";
            case 8:
                return ChangeLineEndings(data);
            case 9:
                // An ASN.1 length or tag byte: the first bytes of DER carry the structure.
                var head = _random.Next(Math.Min(data.Count, 32));
                data[head] = (byte)_random.Next(256);
                return $"set head byte {head} to 0x{data[head]:X2}";
            default:
                data[at] = (byte)_random.Next(256);
                return $"set byte {at} to random 0x{data[at]:X2}";
        }
    }

    private string ChangeLineEndings(List<byte> data)
    {
        var text = Encoding.Latin1.GetString(data.ToArray());
        string changed;
        string what;
        switch (_random.Next(4))
        {
            case 0: changed = text.Replace("\n", "\r\n"); what = "LF to CRLF"; break;
            case 1: changed = text.Replace("\n", string.Empty); what = "remove line breaks"; break;
            case 2: changed = text.Replace("\n", "\r"); what = "LF to CR"; break;
            default: changed = text.Replace("\n", "\\n"); what = "LF to literal \\n"; break;
        }

        data.Clear();
        data.AddRange(Encoding.Latin1.GetBytes(changed));
        return what;
    }
}

/// <summary>Runs work that must finish: a hang fails the test with its description instead of blocking the run.</summary>
internal static class Bounded
{
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    public static void Run(Action work, string description)
    {
        var task = Task.Run(work);
        if (Task.WhenAny(task, Task.Delay(Limit)).GetAwaiter().GetResult() != task)
            Assert.Fail($"Did not finish within {Limit.TotalSeconds} s (hang?): {description}");
        task.GetAwaiter().GetResult();
    }
}
