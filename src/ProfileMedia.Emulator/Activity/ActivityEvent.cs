using System;

namespace ProfileMedia.Emulator.Activity;

/// <summary>An event the emulator delivered, kept for backfill: what it was, for whom, and when it was sent.</summary>
/// <param name="Uuid">event_uuid: a replay after a reconnect carries the same one, so a client can drop the repeat.</param>
/// <param name="EventType">The subscription's event type.</param>
/// <param name="UserId">filter.user_id.</param>
/// <param name="Tag">The matching subscription's tag, or null.</param>
/// <param name="Before">payload.before: the URL before the change ("" for none).</param>
/// <param name="After">payload.after: the URL after the change ("" for a removed banner).</param>
/// <param name="SentAt">When the emulator first sent it: backfill_minutes and start_time/end_time select on this.</param>
internal sealed record ActivityEvent(string Uuid, string EventType, string UserId, string? Tag, string Before, string After, DateTimeOffset SentAt);
