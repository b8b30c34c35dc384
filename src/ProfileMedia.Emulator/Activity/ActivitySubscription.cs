using System;

namespace ProfileMedia.Emulator.Activity;

/// <summary>One X Activity API subscription: an event type for one user, with the app's optional tag.</summary>
/// <param name="Id">The subscription_id, digits as the service's pattern ^[0-9]{1,19}$ says.</param>
/// <param name="EventType">"profile.update.profile_picture" and the like.</param>
/// <param name="UserId">filter.user_id.</param>
/// <param name="Tag">The app's label, echoed on every event the subscription delivers; null when none was given.</param>
/// <param name="WebhookId">Where a webhook delivery would go; the emulator only streams, but keeps the value.</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="UpdatedAt">When it was last changed (PUT).</param>
internal sealed record ActivitySubscription(string Id, string EventType, string UserId, string? Tag, string? WebhookId, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);
