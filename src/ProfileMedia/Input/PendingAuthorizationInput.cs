using System;
using System.Management.Automation;
using ProfileMedia.Core.Api;

namespace ProfileMedia.Input;

/// <summary>
/// Binds what is given as a pending authorization. A PendingAuthorization that went through a job, Export-Clixml or
/// remoting comes back as a property bag without its secrets, which PowerShell's binder would refuse with a generic
/// InputObjectNotBound; it is turned into a stand-in instead, so the cmdlet can say why it cannot be completed and
/// what to do, with its own error id.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
internal sealed class PendingAuthorizationInputAttribute : ArgumentTransformationAttribute
{
    private const string TypeName = "ProfileMedia.PendingAuthorization";

    /// <inheritdoc />
    public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
    {
        if (inputData is not PSObject bag || bag.BaseObject is PendingAuthorization || !HasTravelled(bag))
        {
            return inputData;
        }

        string requestToken = PropertyBag.Text(bag, "RequestToken") ?? string.Empty;
        return PendingAuthorization.Travelled(
            UriOf(PropertyBag.Text(bag, "ApiBaseUri")) ?? XApiClientOptions.DefaultBaseUri,
            UriOf(PropertyBag.Text(bag, "AuthorizeUrl")) ?? XApiClientOptions.DefaultBaseUri,
            PropertyBag.Text(bag, "ConsumerKey") ?? string.Empty,
            requestToken);
    }

    // Deserialized by PowerShell (its type name says so), or rebuilt from JSON with the properties that make one.
    private static bool HasTravelled(PSObject bag) =>
        bag.TypeNames.Contains("Deserialized." + TypeName)
        || (PropertyBag.Has(bag, "RequestToken") && PropertyBag.Has(bag, "AuthorizeUrl"));

    private static Uri? UriOf(string? text) => Uri.TryCreate(text, UriKind.Absolute, out Uri? uri) ? uri : null;
}
