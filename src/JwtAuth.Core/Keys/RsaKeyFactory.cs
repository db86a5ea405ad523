using System;
using System.Security.Cryptography;

namespace JwtAuth.Core.Keys
{
    /// <summary>Creates RSA objects from parameters and checks that the parts of a key belong together.</summary>
    internal static class RsaKeyFactory
    {
        public static RSA Create()
        {
#if NET8_0_OR_GREATER
            return RSA.Create();
#else
            // RSA.Create() on .NET Framework is RSACryptoServiceProvider; CNG is what the JWT library signs best with.
            return new RSACng();
#endif
        }

        public static RSA Create(int keySize)
        {
            var rsa = Create();
            rsa.KeySize = keySize;
            return rsa;
        }

        /// <summary>Imports a private key, refusing small keys and keys whose parts do not fit together.</summary>
        public static RSA Import(RSAParameters parameters, KeyOrigin origin)
        {
            try
            {
                var bits = KeySizeInBits(parameters);
                if (bits < KeyErrors.MinimumKeySize) throw KeyErrors.TooSmall(origin, bits);
                var rsa = Create();
                try
                {
                    rsa.ImportParameters(parameters);
                    CheckConsistent(rsa, parameters, origin);
                    return rsa;
                }
                catch
                {
                    rsa.Dispose();
                    throw;
                }
            }
            catch (CryptographicException e)
            {
                throw KeyErrors.Unreadable(origin, "the key's parts do not form a valid RSA key", e);
            }
            finally
            {
                Clear(parameters);
            }
        }

        public static void CheckSize(RSA rsa, KeyOrigin origin)
        {
            if (rsa.KeySize < KeyErrors.MinimumKeySize) throw KeyErrors.TooSmall(origin, rsa.KeySize);
        }

        // A damaged key would sign happily and Salesforce would answer "invalid assertion"; catch it here instead.
        private static void CheckConsistent(RSA rsa, RSAParameters parameters, KeyOrigin origin)
        {
            var probe = new byte[] { 0x4A, 0x77, 0x74 };
            var signature = rsa.SignData(probe, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var publicOnly = Create();
            publicOnly.ImportParameters(new RSAParameters { Modulus = parameters.Modulus, Exponent = parameters.Exponent });
            if (!publicOnly.VerifyData(probe, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1))
                throw KeyErrors.Unreadable(origin, "the key's parts do not form a valid RSA key (it may be damaged)");
        }

        private static int KeySizeInBits(RSAParameters key)
        {
            var modulus = key.Modulus ?? Array.Empty<byte>();
            var bits = modulus.Length * 8;
            for (var i = 0; i < modulus.Length && modulus[i] == 0; i++) bits -= 8;
            if (modulus.Length > 0)
            {
                var top = modulus[0];
                for (var mask = 0x80; mask > 0 && (top & mask) == 0; mask >>= 1) bits--;
            }
            return bits;
        }

        private static void Clear(RSAParameters p)
        {
            foreach (var part in new[] { p.D, p.P, p.Q, p.DP, p.DQ, p.InverseQ })
                if (part != null) Array.Clear(part, 0, part.Length);
        }
    }
}
