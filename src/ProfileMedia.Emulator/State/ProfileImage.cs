
namespace ProfileMedia.Emulator.State;

/// <summary>
/// One profile picture as the media host knows it: /profile_images/{Id}/{Name}_{size}.{extension}.
/// Seeded pictures have no <see cref="UploadedBytes"/>; their original is generated.
/// </summary>
internal sealed record ProfileImage(long Id, string Name, ImageFormat Format, byte[]? UploadedBytes);
