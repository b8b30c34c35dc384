namespace ProfileMedia.Emulator.Api;

/// <summary>What an upload request carried in its picture parameter.</summary>
internal enum UploadOutcome
{
    /// <summary>The parameter is there and within the size limit.</summary>
    Received,

    /// <summary>No such parameter, or a body the emulator cannot take apart.</summary>
    Missing,

    /// <summary>The decoded file is over the limit.</summary>
    TooLarge,

    /// <summary>A form-encoded value that is not base64.</summary>
    NotBase64,
}

/// <summary>The picture an upload request carried, when <see cref="Outcome"/> is <see cref="UploadOutcome.Received"/>.</summary>
internal sealed record Upload(UploadOutcome Outcome, byte[]? Bytes)
{
    public static readonly Upload Missing = new(UploadOutcome.Missing, null);
    public static readonly Upload TooLarge = new(UploadOutcome.TooLarge, null);
    public static readonly Upload NotBase64 = new(UploadOutcome.NotBase64, null);
}
