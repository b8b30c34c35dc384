
namespace ProfileMedia.Emulator.State;

/// <summary>One picture an upload endpoint accepted, as its header declares it.</summary>
/// <param name="Endpoint">"update_profile_image" or "update_profile_banner".</param>
/// <param name="Format">The format by its magic bytes.</param>
/// <param name="Width">The width its header declares.</param>
/// <param name="Height">The height its header declares.</param>
/// <param name="Bytes">The file's size.</param>
internal sealed record ReceivedImage(string Endpoint, ImageFormat Format, int Width, int Height, int Bytes);
