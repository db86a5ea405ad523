using JwtAuth.Core.Errors;
using JwtAuth.Core.Keys;
using JwtAuth.Core.Tests.Keys;

namespace JwtAuth.Core.Tests.Hardening;

/// <summary>
/// Table-driven: every corpus key, as a file and as text, ends in its expected ErrorId (or loads the corpus key),
/// with a message that names a fix and holds no key material.
/// </summary>
public class KeyCorpusTests
{
    private static KeyCorpus Corpus => KeyCorpus.Shared;

    [Theory]
    [MemberData(nameof(KeyCorpus.Names), MemberType = typeof(KeyCorpus))]
    public void Key_file(string name)
    {
        var item = Corpus[name];
        using var folder = new TempFolder();
        var path = folder.File(name + ".key");
        File.WriteAllBytes(path, item.Content);
        Bounded.Run(() => AssertOutcome(item.FileExpected, () => SigningKeyLoader.FromFile(path, item.Password), name), name);
    }

    [Theory]
    [MemberData(nameof(KeyCorpus.TextNames), MemberType = typeof(KeyCorpus))]
    public void Key_text(string name)
    {
        var item = Corpus[name];
        var text = System.Text.Encoding.UTF8.GetString(item.Content);
        Bounded.Run(() => AssertOutcome(item.TextExpected, () => SigningKeyLoader.FromText(text, item.Password), name), name);
    }

    [Fact]
    public void The_corpus_covers_every_category_the_issue_names()
    {
        string[] required =
        {
            "truncated-no-end-line", "mismatched-end-label", "der-pkcs8-instead-of-pem", "binary-garbage", "multi-megabyte-pem-lookalike",
            "certificate-pem", "public-key-pem", "encrypted-pkcs8-wrong-password", "ec-key-sec1", "rsa-1024",
        };
        Assert.All(required, n => Assert.Contains(Corpus.Cases, c => c.Name == n));
    }

    private static void AssertOutcome(string? expected, Func<SigningKey> load, string name)
    {
        if (expected is null)
        {
            using var key = load();
            Assert.Equal(Corpus.Rsa.ExportParameters(false).Modulus, key.Rsa.ExportParameters(false).Modulus);
            return;
        }

        Exception? thrown = null;
        try
        {
            using var unexpected = load();
        }
        catch (Exception e)
        {
            thrown = e;
        }

        Assert.True(thrown is not null, $"{name}: loaded, expected {expected}");
        var error = Assert.IsType<KeyException>(thrown);
        Assert.True(expected == error.ErrorId, $"{name}: expected {expected}, got {error.ErrorId}: {error.Message}");
        Assert.False(string.IsNullOrWhiteSpace(error.Fix), $"{name}: no fix in '{error.Message}'");
        Assert.NotEqual(JwtAuthErrorKind.NotImplemented, error.Kind);
        HardeningAssert.NoKeyMaterial(error, Corpus.KeyBody);
    }
}
