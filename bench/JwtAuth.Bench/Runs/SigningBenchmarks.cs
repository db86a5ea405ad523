using System;
using System.IO;
using System.Security.Cryptography;
using System.Text;
using BenchmarkDotNet.Attributes;
using JwtAuth.Core.Jwt;
using JwtAuth.Core.Keys;

namespace JwtAuth.Bench.Runs
{
    /// <summary>Part 3: key load and assertion signing alone, the per-call and per-org CPU costs of a login.</summary>
    [MemoryDiagnoser]
    public class SigningBenchmarks
    {
        private string _folder = string.Empty;
        private string _pkcs8Path = string.Empty;
        private string _pkcs1Path = string.Empty;
        private RSA _rsa = null!;
        private SigningKey _key = null!;
        private readonly AssertionBuilder _builder = new AssertionBuilder();
        private readonly byte[] _payload = Encoding.ASCII.GetBytes(new string('x', 300));

        [GlobalSetup]
        public void Setup()
        {
            _folder = Directory.CreateTempSubdirectory("jwtauth-bench-keys.").FullName;
            _rsa = RSA.Create(2048);
            _pkcs8Path = Path.Combine(_folder, "pkcs8.key");
            _pkcs1Path = Path.Combine(_folder, "pkcs1.key");
            File.WriteAllText(_pkcs8Path, _rsa.ExportPkcs8PrivateKeyPem());
            File.WriteAllText(_pkcs1Path, _rsa.ExportRSAPrivateKeyPem());
            _key = SigningKeyLoader.FromFile(_pkcs8Path);
        }

        [GlobalCleanup]
        public void Cleanup()
        {
            _key.Dispose();
            _rsa.Dispose();
            Directory.Delete(_folder, true);
        }

        [Benchmark(Description = "load PKCS#8 PEM key file (SigningKeyLoader.FromFile)")]
        public int LoadPkcs8()
        {
            using var key = SigningKeyLoader.FromFile(_pkcs8Path);
            return key.KeySize;
        }

        [Benchmark(Description = "load PKCS#1 PEM key file (SigningKeyLoader.FromFile)")]
        public int LoadPkcs1()
        {
            using var key = SigningKeyLoader.FromFile(_pkcs1Path);
            return key.KeySize;
        }

        [Benchmark(Description = "sign one assertion (AssertionBuilder.Build)")]
        public string SignAssertion() => _builder.Build(_key.Rsa, "3MVG9bench.jwtauth.test", "scratch-01@bench.jwtauth.test", AudienceResolver.Sandbox);

        [Benchmark(Description = "raw RSA-2048 PKCS#1 SHA-256 signature (reference)")]
        public byte[] RawSignature() => _key.Rsa.SignData(_payload, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
    }
}
