using System;
using System.Collections.Generic;

namespace JwtAuth.Core.Service
{
    /// <summary>
    /// The order people expect for names such as scratch2 and scratch10: runs of digits compare by their value,
    /// everything else by character, ignoring case. Names that differ only in case or leading zeros still get
    /// an order (the ordinal one), so a sort by it is stable from run to run.
    /// </summary>
    public sealed class NaturalOrder : IComparer<string?>
    {
        public static NaturalOrder Instance { get; } = new NaturalOrder();

        private NaturalOrder()
        {
        }

        public int Compare(string? x, string? y)
        {
            if (ReferenceEquals(x, y)) return 0;
            if (x is null) return -1;
            if (y is null) return 1;

            int i = 0, j = 0;
            while (i < x.Length && j < y.Length)
            {
                int order;
                if (IsDigit(x[i]) && IsDigit(y[j]))
                {
                    order = CompareNumbers(x, ref i, y, ref j);
                }
                else
                {
                    order = char.ToUpperInvariant(x[i]).CompareTo(char.ToUpperInvariant(y[j]));
                    i++;
                    j++;
                }
                if (order != 0) return order;
            }

            var rest = (x.Length - i).CompareTo(y.Length - j);
            return rest != 0 ? rest : string.CompareOrdinal(x, y);
        }

        // Compares the digit runs at x[i] and y[j] by value, however long, and moves past them.
        private static int CompareNumbers(string x, ref int i, string y, ref int j)
        {
            var xStart = SkipZeros(x, i);
            var yStart = SkipZeros(y, j);
            var xEnd = EndOfDigits(x, xStart);
            var yEnd = EndOfDigits(y, yStart);
            i = xEnd;
            j = yEnd;

            var byLength = (xEnd - xStart).CompareTo(yEnd - yStart);
            if (byLength != 0) return byLength;
            return string.CompareOrdinal(x, xStart, y, yStart, xEnd - xStart);
        }

        private static int SkipZeros(string s, int at)
        {
            while (at < s.Length - 1 && s[at] == '0' && IsDigit(s[at + 1])) at++;
            return at;
        }

        // ASCII digits only: other scripts' digits would compare by code point, not by value.
        private static bool IsDigit(char c) => c >= '0' && c <= '9';

        private static int EndOfDigits(string s, int at)
        {
            while (at < s.Length && IsDigit(s[at])) at++;
            return at;
        }
    }
}
