using System;

namespace ProfileMedia.Core.Text;

/// <summary>
/// Builds a URL variant as a single string allocation. netstandard2.0 has neither <c>string.Create</c> nor spans
/// without shipping System.Memory, and Substring + Concat would allocate up to four strings per variant.
/// </summary>
internal static class StringSplicer
{
    /// <summary>Returns <c>prefix + source[keepFrom..cutStart) + insert + source[cutEnd..]</c>.</summary>
    public static unsafe string Splice(string prefix, string source, int keepFrom, int cutStart, string insert, int cutEnd)
    {
        int headLength = cutStart - keepFrom;
        int tailLength = source.Length - cutEnd;
        int length = prefix.Length + headLength + insert.Length + tailLength;
        if (length == 0)
        {
            return string.Empty;
        }

        // A fresh string that no one else can see yet: filling it in place is what string.Create does internally.
        string result = new string('\0', length);
        fixed (char* destination = result)
        fixed (char* sourceChars = source)
        fixed (char* prefixChars = prefix)
        fixed (char* insertChars = insert)
        {
            char* cursor = destination;
            Copy(prefixChars, prefix.Length, ref cursor);
            Copy(sourceChars + keepFrom, headLength, ref cursor);
            Copy(insertChars, insert.Length, ref cursor);
            Copy(sourceChars + cutEnd, tailLength, ref cursor);
        }

        return result;
    }

    private static unsafe void Copy(char* from, int count, ref char* cursor)
    {
        long bytes = (long)count * sizeof(char);
        Buffer.MemoryCopy(from, cursor, bytes, bytes);
        cursor += count;
    }
}
