using System;
using System.Collections.Generic;
using System.Text;

namespace ProfileMedia.Core.OAuth;

/// <summary>The normalized request parameters of RFC 5849 section 3.4.1.3.2.</summary>
internal static class ParameterNormalizer
{
    /// <summary>
    /// Encodes every name and value, sorts by encoded name and then encoded value (ordinal, byte order), and joins
    /// them as <c>name=value</c> pairs separated by <c>&amp;</c>. Duplicate names are all kept.
    /// </summary>
    /// <param name="parameters">Decoded parameters from every source that is signed.</param>
    public static string Normalize(IEnumerable<KeyValuePair<string, string>> parameters)
    {
        var encoded = new List<EncodedParameter>();
        foreach (KeyValuePair<string, string> parameter in parameters)
        {
            if (parameter.Key is null)
            {
                throw new ArgumentException("A parameter name must not be null.", nameof(parameters));
            }

            encoded.Add(new EncodedParameter(PercentEncoding.Encode(parameter.Key), PercentEncoding.Encode(parameter.Value ?? string.Empty)));
        }

        // The encoded text is ASCII, so ordinal comparison is the byte order the RFC asks for.
        encoded.Sort(static (left, right) =>
        {
            int byName = string.CompareOrdinal(left.Name, right.Name);
            return byName != 0 ? byName : string.CompareOrdinal(left.Value, right.Value);
        });

        var builder = new StringBuilder();
        for (int i = 0; i < encoded.Count; i++)
        {
            if (i > 0)
            {
                builder.Append('&');
            }

            builder.Append(encoded[i].Name).Append('=').Append(encoded[i].Value);
        }

        return builder.ToString();
    }

    private readonly struct EncodedParameter
    {
        public EncodedParameter(string name, string value)
        {
            Name = name;
            Value = value;
        }

        public string Name { get; }

        public string Value { get; }
    }
}
