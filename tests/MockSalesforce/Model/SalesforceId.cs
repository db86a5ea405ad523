using System.Security.Cryptography;

namespace MockSalesforce.Model;

/// <summary>Makes 18-character Salesforce ids (15 case-sensitive characters plus the case checksum).</summary>
public static class SalesforceId
{
    private const string Base62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private const string ChecksumAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345";

    /// <summary>A new random id with the given 3-character key prefix (00D org, 005 user, 2SR ScratchOrgInfo).</summary>
    public static string New(string keyPrefix)
    {
        var chars = new char[10];
        for (int i = 0; i < chars.Length; i++)
        {
            chars[i] = Base62[RandomNumberGenerator.GetInt32(Base62.Length)];
        }
        return WithChecksum(keyPrefix + "7Q" + new string(chars));
    }

    /// <summary>Appends Salesforce's 3-character case checksum to a 15-character id.</summary>
    public static string WithChecksum(string id15)
    {
        if (id15.Length != 15) throw new ArgumentException("A Salesforce id has 15 characters before its checksum.", nameof(id15));
        var suffix = new char[3];
        for (int chunk = 0; chunk < 3; chunk++)
        {
            int flags = 0;
            for (int bit = 0; bit < 5; bit++)
            {
                char c = id15[chunk * 5 + bit];
                if (c >= 'A' && c <= 'Z') flags |= 1 << bit;
            }
            suffix[chunk] = ChecksumAlphabet[flags];
        }
        return id15 + new string(suffix);
    }

    /// <summary>True when <paramref name="id"/> (15 or 18 characters, as Salesforce accepts both) names the record <paramref name="recordId"/>.</summary>
    public static bool Names(string recordId, string? id) =>
        id is { Length: 15 or 18 } && recordId.StartsWith(id, StringComparison.Ordinal);

    /// <summary>True when the text is an 18-character id whose checksum is right and whose prefix matches.</summary>
    public static bool IsValid(string? id, string keyPrefix) =>
        id is { Length: 18 } && id.StartsWith(keyPrefix, StringComparison.Ordinal) && WithChecksum(id[..15]) == id;
}
