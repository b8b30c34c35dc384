using System;
using System.Collections.Generic;

namespace ProfileMedia.Core.OAuth;

/// <summary>The signature base string of RFC 5849 section 3.4.1.</summary>
internal static class SignatureBaseString
{
    private const string SignatureParameterName = "oauth_signature";

    /// <summary>
    /// Builds <c>METHOD&amp;encode(base string URI)&amp;encode(normalized parameters)</c> from the query of
    /// <paramref name="requestUri"/>, the form body parameters and the protocol parameters.
    /// </summary>
    /// <param name="httpMethod">The request method; upper-cased here.</param>
    /// <param name="requestUri">The absolute URI as sent, with its query.</param>
    /// <param name="protocolParameters">The <c>oauth_*</c> parameters, without <c>oauth_signature</c> or <c>realm</c>.</param>
    public static string Create(
        string httpMethod,
        Uri requestUri,
        IEnumerable<KeyValuePair<string, string>> protocolParameters)
    {
        if (string.IsNullOrEmpty(httpMethod))
        {
            throw new ArgumentException("The HTTP method must not be empty.", nameof(httpMethod));
        }

        string baseUri = BaseStringUri.Create(requestUri);
        List<KeyValuePair<string, string>> parameters = QueryParameters.Parse(requestUri);
        // Section 3.4.1.3.1: a signature already present in the request is never part of what is signed.
        parameters.RemoveAll(static parameter => parameter.Key == SignatureParameterName);
        parameters.AddRange(protocolParameters);

        return httpMethod.ToUpperInvariant() + "&" + PercentEncoding.Encode(baseUri) + "&" +
               PercentEncoding.Encode(ParameterNormalizer.Normalize(parameters));
    }
}
