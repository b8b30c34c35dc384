namespace ProfileMedia.Commands;

/// <summary>What an API cmdlet (in its current parameter set) needs of a connection.</summary>
internal enum ConnectionRequirement
{
    /// <summary>Every record calls the API: no usable connection stops the cmdlet (NotConnected, ConnectionClosed).</summary>
    Required = 0,

    /// <summary>The cmdlet works without one and uses one when there is (Save-ProfileMedia refreshes outdated URLs).</summary>
    Optional,

    /// <summary>The parameter set works offline (Get-ProfileBanner -Url).</summary>
    None,
}
