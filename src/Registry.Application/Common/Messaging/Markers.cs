using System.Text.Json.Serialization;

namespace Registry.Application.Common.Messaging;

/// <summary>
/// A command that creates or decides something and accepts an Idempotency-Key: the same key and body
/// replays the first response; the same key with another body is a conflict.
/// </summary>
public interface IIdempotentCommand
{
    [JsonIgnore]
    string? IdempotencyKey { get; }
}
