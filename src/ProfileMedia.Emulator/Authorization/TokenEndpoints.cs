using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using ProfileMedia.Emulator.Api;
using ProfileMedia.Emulator.State;
using ProfileMedia.Emulator.OAuth;

namespace ProfileMedia.Emulator.Authorization;

/// <summary>
/// The PIN-based three-legged flow of RFC 5849 section 2 as X runs it: POST oauth/request_token (signed by the app
/// alone, oauth_callback=oob), GET oauth/authorize (the page that shows the PIN), POST oauth/access_token (signed with
/// the request token, oauth_verifier=PIN). Protocol parameters other than the signature's own are taken from the
/// Authorization header or, failing that, from the query or form body, as clients send them both ways.
/// </summary>
internal static class TokenEndpoints
{
    public const string Prefix = "/oauth";

    /// <summary>The only callback the emulator's app accepts: it has no callback URL registered, so PIN-based only.</summary>
    private const string OutOfBand = "oob";

    // Success answers are form-encoded text served as text/html, as the service does; clients parse the body, not the type.
    private const string TokenContentType = "text/html;charset=utf-8";

    public static bool Handles(PathString path) => path.StartsWithSegments(Prefix, StringComparison.Ordinal);

    public static Task HandleAsync(HttpContext context, EmulatorState state) =>
        (context.Request.Method, context.Request.Path.Value) switch
        {
            ("POST", "/oauth/request_token") => RequestTokenAsync(context, state),
            ("POST", "/oauth/access_token") => AccessTokenAsync(context, state),
            ("GET", "/oauth/authorize" or "/oauth/authenticate") => AuthorizePage.WriteAsync(context, state),
            _ => ApiResponses.WriteErrorAsync(context, ApiError.PageDoesNotExist),
        };

    private static async Task RequestTokenAsync(HttpContext context, EmulatorState state)
    {
        if (await ReadAsync(context).ConfigureAwait(false) is not { } request)
        {
            return;
        }

        var error = OAuthVerifier.CheckClient(request, tokenRequired: false, out var header, out var consumerSecret)
            ?? new OAuthVerifier(state).CheckSignature(request, header, consumerSecret, tokenSecret: string.Empty);
        if (error is not null)
        {
            await ApiResponses.WriteErrorAsync(context, error).ConfigureAwait(false);
            return;
        }

        var callback = ProtocolParameter(request, header, "oauth_callback");
        if (string.IsNullOrEmpty(callback))
        {
            await ApiResponses.WriteErrorAsync(context, ApiError.BadAuthenticationData).ConfigureAwait(false);
            return;
        }

        if (callback != OutOfBand)
        {
            await ApiResponses.WriteErrorAsync(context, ApiError.CallbackNotApproved).ConfigureAwait(false);
            return;
        }

        var (token, secret) = state.Authorizations.IssueRequestToken(header["oauth_consumer_key"]);
        await WriteFormAsync(context, ("oauth_token", token), ("oauth_token_secret", secret), ("oauth_callback_confirmed", "true")).ConfigureAwait(false);
    }

    private static async Task AccessTokenAsync(HttpContext context, EmulatorState state)
    {
        if (await ReadAsync(context).ConfigureAwait(false) is not { } request)
        {
            return;
        }

        if (OAuthVerifier.CheckClient(request, tokenRequired: false, out var header, out var consumerSecret) is { } clientError)
        {
            await ApiResponses.WriteErrorAsync(context, clientError).ConfigureAwait(false);
            return;
        }

        var consumerKey = header["oauth_consumer_key"];
        var requestToken = ProtocolParameter(request, header, "oauth_token");
        if (string.IsNullOrEmpty(requestToken))
        {
            await ApiResponses.WriteErrorAsync(context, ApiError.BadAuthenticationData).ConfigureAwait(false);
            return;
        }

        if (state.Authorizations.LiveRequestTokenSecret(requestToken, consumerKey) is not { } tokenSecret)
        {
            await ApiResponses.WriteErrorAsync(context, ApiError.InvalidOrExpiredToken).ConfigureAwait(false);
            return;
        }

        if (new OAuthVerifier(state).CheckSignature(request, header, consumerSecret, tokenSecret) is { } signatureError)
        {
            await ApiResponses.WriteErrorAsync(context, signatureError).ConfigureAwait(false);
            return;
        }

        var exchange = state.Authorizations.Exchange(requestToken, consumerKey, ProtocolParameter(request, header, "oauth_verifier"));
        switch (exchange.Outcome)
        {
            case ExchangeOutcome.Issued:
                var issued = exchange.Issued!;
                var user = state.Accounts.FindById(issued.UserId)!;
                await WriteFormAsync(
                    context,
                    ("oauth_token", issued.Token),
                    ("oauth_token_secret", issued.Secret),
                    ("user_id", issued.UserId.ToString(CultureInfo.InvariantCulture)),
                    ("screen_name", user.Profile.ScreenName)).ConfigureAwait(false);
                break;
            case ExchangeOutcome.WrongVerifier:
                // The service answers a bad PIN in plain text rather than its JSON error shape.
                await WriteTextAsync(context, StatusCodes.Status401Unauthorized, "Error processing your OAuth request: Invalid oauth_verifier parameter").ConfigureAwait(false);
                break;
            default:
                await ApiResponses.WriteErrorAsync(context, ApiError.InvalidOrExpiredToken).ConfigureAwait(false); // used or expired meanwhile
                break;
        }
    }

    /// <summary>The request as signed, or null after answering 413 for a body too large to read.</summary>
    private static async Task<SignedRequest?> ReadAsync(HttpContext context)
    {
        var target = ApiEndpoints.RawTarget(context);
        var parameters = FormUrlEncoded.Parse(target.Query);
        if (ApiEndpoints.IsFormEncoded(context.Request.ContentType))
        {
            if (await ApiEndpoints.ReadFormBodyAsync(context).ConfigureAwait(false) is not { } body)
            {
                await ApiResponses.WriteBareStatusAsync(context, StatusCodes.Status413PayloadTooLarge).ConfigureAwait(false);
                return null;
            }

            parameters.AddRange(FormUrlEncoded.Parse(body));
        }

        return new SignedRequest(
            context.Request.Method,
            context.Request.Scheme,
            context.Request.Host.Value ?? string.Empty,
            target.Path,
            context.Request.Headers.Authorization.FirstOrDefault(),
            parameters);
    }

    /// <summary>RFC 5849 section 3.5: a protocol parameter may come in the header, the form body or the query.</summary>
    private static string? ProtocolParameter(SignedRequest request, Dictionary<string, string> header, string name) =>
        header.TryGetValue(name, out var value)
            ? value
            : request.Parameters.Where(p => p.Key == name).Select(p => p.Value).FirstOrDefault();

    private static Task WriteFormAsync(HttpContext context, params (string Name, string Value)[] fields) =>
        ApiResponses.WriteTextAsync(context, StatusCodes.Status200OK, TokenContentType,
            string.Join('&', fields.Select(f => PercentEncoding.Encode(f.Name) + "=" + PercentEncoding.Encode(f.Value))));

    private static Task WriteTextAsync(HttpContext context, int status, string text) =>
        ApiResponses.WriteTextAsync(context, status, "text/plain;charset=utf-8", text);
}
