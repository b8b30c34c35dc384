using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using ProfileMedia.Core.Json;
using ProfileMedia.TestSupport;

namespace ProfileMedia.Core.Tests.Recorded;

/// <summary>
/// The only tests that read the real recordings, from ../shared/fixtures beside the repository (never copied into
/// it); every other test uses the hand-written bodies in tests/data. Without ../shared they are reported as skipped.
/// </summary>
public sealed class RecordedBodiesTests
{
    [SharedRecordingsFact]
    public void Every_v1_recording_parses_and_our_hand_written_body_of_the_same_name_has_its_shape()
    {
        string[] recordings = Directory.GetFiles(TestData.SharedRecordings()!, "*.json");
        Assert.NotEmpty(recordings);

        foreach (string recording in recordings)
        {
            JsonValue recorded = Parse(recording);
            Assert.True(recorded.Kind == JsonKind.Object, Path.GetFileName(recording) + " is not a JSON object");

            string ours = Path.Combine(TestData.OwnFolder, Path.GetFileName(recording));
            Assert.True(File.Exists(ours), "tests/data has no hand-written " + Path.GetFileName(recording));
            Assert.Equal(Shape(recorded), Shape(Parse(ours)));
        }
    }

    [SharedRecordingsFact("v2")]
    public void Every_v2_recording_is_a_json_object_of_a_documented_kind()
    {
        string[] recordings = Directory.GetFiles(TestData.SharedRecordings("v2")!, "*.json");
        Assert.NotEmpty(recordings);

        foreach (string recording in recordings)
        {
            JsonValue body = Parse(recording);
            string name = Path.GetFileName(recording);
            Assert.True(body.Kind == JsonKind.Object, name + " is not a JSON object");
            Assert.True(V2Kind(body) != V2BodyKind.Unknown, name + " has none of the documented top levels (data, errors, or title and type)");
        }
    }

    private enum V2BodyKind
    {
        Unknown,
        Users,
        V1Errors,
        Problem,
    }

    /// <summary>What a v2 answer is, from its top level as the v2 recordings' README documents it.</summary>
    private static V2BodyKind V2Kind(JsonValue body)
    {
        if (body["data"] is { } data)
        {
            IEnumerable<JsonValue> users = data.Kind == JsonKind.Array ? data.Items : new[] { data };
            return users.All(user => user.Kind == JsonKind.Object && user["id"]?.Kind == JsonKind.String && user["username"]?.Kind == JsonKind.String)
                ? V2BodyKind.Users : V2BodyKind.Unknown;
        }

        if (body["errors"] is { Kind: JsonKind.Array } errors)
        {
            return errors.Items.All(error => error["code"]?.Kind == JsonKind.Number && error["message"]?.Kind == JsonKind.String)
                ? V2BodyKind.V1Errors : V2BodyKind.Unknown;
        }

        return body["title"]?.Kind == JsonKind.String && body["type"]?.Kind == JsonKind.String && body["status"]?.Kind == JsonKind.Number
            ? V2BodyKind.Problem : V2BodyKind.Unknown;
    }

    private static JsonValue Parse(string path)
    {
        byte[] bytes = File.ReadAllBytes(path);
        return JsonReader.Parse(bytes, 0, bytes.Length);
    }

    /// <summary>Keys in order and the type of every value, recursively (an array by its first item): the shape, not the values.</summary>
    private static string Shape(JsonValue value)
    {
        var builder = new StringBuilder();
        Shape(value, builder, indent: string.Empty);
        return builder.ToString();
    }

    private static void Shape(JsonValue value, StringBuilder builder, string indent)
    {
        // true and false are one type: a flag's value is not part of the shape.
        builder.Append(value.Kind == JsonKind.False ? JsonKind.True : value.Kind).Append('\n');
        foreach (KeyValuePair<string, JsonValue> property in value.Properties)
        {
            builder.Append(indent).Append("  ").Append(property.Key).Append(": ");
            Shape(property.Value, builder, indent + "  ");
        }

        if (value.Items.Count > 0)
        {
            builder.Append(indent).Append("  [0]: ");
            Shape(value.Items[0], builder, indent + "  ");
        }
    }
}
