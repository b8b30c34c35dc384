using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using ProfileMedia.Core.Json;

namespace ProfileMedia.Core.Tests.Json;

public sealed class JsonReaderTests
{
    [Theory]
    [InlineData("true", nameof(JsonKind.True))]
    [InlineData("false", nameof(JsonKind.False))]
    [InlineData("null", nameof(JsonKind.Null))]
    [InlineData("\"\"", nameof(JsonKind.String))]
    [InlineData("0", nameof(JsonKind.Number))]
    [InlineData("{}", nameof(JsonKind.Object))]
    [InlineData("[]", nameof(JsonKind.Array))]
    [InlineData(" \t\r\n[ ] \t\r\n", nameof(JsonKind.Array))]
    [InlineData("\uFEFF{}", nameof(JsonKind.Object))]
    [InlineData("\uFEFF 1", nameof(JsonKind.Number))]
    public void Every_kind_of_value_parses_at_the_top_level(string json, string kind) =>
        Assert.Equal(kind, JsonText.Parse(json).Kind.ToString());

    [Fact]
    public void Accessors_answer_for_every_kind_without_throwing()
    {
        JsonValue text = JsonText.Parse("\"12\"");
        Assert.Equal("12", text.GetString());
        Assert.False(text.TryGetInt64(out _));
        Assert.Null(text.GetBoolean());
        Assert.Null(text["a"]);
        Assert.Empty(text.Properties);
        Assert.Empty(text.Items);
        Assert.Equal(string.Empty, text.RawNumber);

        JsonValue array = JsonText.Parse("[1,\"a\",null]");
        Assert.Null(array.GetString());
        Assert.Null(array["0"]);
        Assert.Equal(new[] { JsonKind.Number, JsonKind.String, JsonKind.Null }, array.Items.Select(item => item.Kind));
        Assert.Equal("Array(3)", array.ToString());
        Assert.Equal("Object(1)", JsonText.Parse("{\"a\":1}").ToString());
    }

    [Fact]
    public void The_tree_cannot_be_changed_through_its_lists()
    {
        JsonValue value = JsonText.Parse("{\"a\":[1]}");
        Assert.True(((ICollection<KeyValuePair<string, JsonValue>>)value.Properties).IsReadOnly);
        Assert.True(((ICollection<JsonValue>)value["a"]!.Items).IsReadOnly);
        Assert.IsNotType<KeyValuePair<string, JsonValue>[]>(value.Properties);
        Assert.IsNotType<JsonValue[]>(value["a"]!.Items);
    }

    [Theory]
    [InlineData("{\"a\":1,\"a\":2}")]
    [InlineData("{\"a\":1,\"b\":0,\"c\":0,\"d\":0,\"e\":0,\"f\":0,\"g\":0,\"h\":0,\"i\":0,\"j\":0,\"a\":2}")]
    public void Duplicate_names_last_wins_and_all_are_listed(string json)
    {
        JsonValue value = JsonText.Parse(json);
        Assert.Equal("2", value["a"]!.RawNumber);
        Assert.Equal(2, value.Properties.Count(property => property.Key == "a"));
    }

    [Fact]
    public void Member_lookup_is_case_sensitive_and_refuses_null()
    {
        JsonValue value = JsonText.Parse("{\"Id\":1,\"id\":2}");
        Assert.Equal("1", value["Id"]!.RawNumber);
        Assert.Equal("2", value["id"]!.RawNumber);
        Assert.Null(value["ID"]);
        Assert.Throws<ArgumentNullException>(() => value[null!]);
    }

    [Theory]
    [InlineData(@"""\""\\\/\b\f\n\r\t""", "\"\\/\b\f\n\r\t")]
    [InlineData(@"""\u00e9\u00C9""", "\u00E9\u00C9")]
    [InlineData(@"""\u003ca\u003e""", "<a>")]
    [InlineData(@"""\u0000""", "\0")]
    [InlineData(@"""\uD83D\uDE00""", "\uD83D\uDE00")]
    [InlineData(@"""a\ud83d\ude00b""", "a\uD83D\uDE00b")]
    [InlineData("\"\u2603\uD83D\uDE00\"", "\u2603\uD83D\uDE00")]
    [InlineData("\"\u007F\"", "\u007F")]
    public void Escapes_are_decoded_and_lone_surrogates_kept_as_they_are(string json, string expected) =>
        Assert.Equal(expected, JsonText.Parse(json).GetString());

    // Lone surrogates cannot be written in attribute arguments (metadata stores strings as UTF-8), hence a Fact.
    [Fact]
    public void Lone_surrogate_escapes_are_kept_as_they_are()
    {
        Assert.Equal("\uD800", JsonText.Parse(@"""\uD800""").GetString());
        Assert.Equal("\uDE00x\uD83D", JsonText.Parse(@"""\uDE00x\uD83D""").GetString());
        Assert.Equal("\uD83D\uD83D\uDE00", JsonText.Parse(@"""\uD83D\uD83D\uDE00""").GetString());
    }

    [Theory]
    [InlineData("0", 0L)]
    [InlineData("-0", 0L)]
    [InlineData("42", 42L)]
    [InlineData("-42", -42L)]
    [InlineData("9223372036854775807", long.MaxValue)]
    [InlineData("-9223372036854775808", long.MinValue)]
    public void Integers_that_fit_are_read_as_Int64(string json, long expected)
    {
        Assert.True(JsonText.Parse(json).TryGetInt64(out long value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("9223372036854775808")]
    [InlineData("-9223372036854775809")]
    [InlineData("1.0")]
    [InlineData("1e3")]
    [InlineData("123456789012345678901234567890")]
    public void Numbers_that_are_not_Int64_say_so(string json) =>
        Assert.False(JsonText.Parse(json).TryGetInt64(out _));

    [Theory]
    [InlineData("1.5")]
    [InlineData("-0.25e2")]
    [InlineData("1E-2")]
    [InlineData("2e+3")]
    [InlineData("123456789012345678901234567890")]
    public void Numbers_keep_their_source_text(string json)
    {
        JsonValue value = JsonText.Parse(json);
        Assert.Equal(JsonKind.Number, value.Kind);
        Assert.Equal(json, value.RawNumber);
    }

    [Fact]
    public void A_number_too_large_for_a_double_is_kept_as_written()
    {
        JsonValue value = JsonText.Parse("[1e400]").Items[0];
        Assert.Equal("1e400", value.RawNumber);
    }

    [Theory]
    [InlineData("", 0)]
    [InlineData("   ", 3)]
    [InlineData("\uFEFF", 3)]
    [InlineData("\uFEFF\uFEFF{}", 3)]
    [InlineData("[1,]", 3)]
    [InlineData("[,1]", 1)]
    [InlineData("[1,,2]", 3)]
    [InlineData("{\"a\":1,}", 7)]
    [InlineData("{,}", 1)]
    [InlineData("01", 1)]
    [InlineData("-01", 2)]
    [InlineData("[00]", 2)]
    [InlineData("NaN", 0)]
    [InlineData("[NaN]", 1)]
    [InlineData("Infinity", 0)]
    [InlineData("-Infinity", 1)]
    [InlineData("+1", 0)]
    [InlineData(".5", 0)]
    [InlineData("1.", 2)]
    [InlineData("1.e5", 2)]
    [InlineData("1e", 2)]
    [InlineData("1e+", 3)]
    [InlineData("-", 1)]
    [InlineData("0x10", 1)]
    [InlineData("[1] x", 4)]
    [InlineData("{} {}", 3)]
    [InlineData("1 2", 2)]
    [InlineData("truex", 4)]
    [InlineData("tru", 0)]
    [InlineData("True", 0)]
    [InlineData("nul", 0)]
    [InlineData("'a'", 0)]
    [InlineData("{a:1}", 1)]
    [InlineData("{\"a\" 1}", 5)]
    [InlineData("{\"a\":}", 5)]
    [InlineData("{\"a\"}", 4)]
    [InlineData("{\"a\":1 \"b\":2}", 7)]
    [InlineData("[1 2]", 3)]
    [InlineData("[", 1)]
    [InlineData("{", 1)]
    [InlineData("]", 0)]
    [InlineData("\"abc", 4)]
    [InlineData("\"a\u0001\"", 2)]
    [InlineData("\"a\tb\"", 2)]
    [InlineData("\"a\nb\"", 2)]
    [InlineData("\"\\x\"", 1)]
    [InlineData("\"\\u12G4\"", 1)]
    [InlineData("\"\\u12\"", 1)]
    [InlineData("\"\\u12", 1)]
    [InlineData("\"\\", 2)]
    [InlineData("\"\\'\"", 1)]
    [InlineData("/* comment */ 1", 0)]
    [InlineData("[1]\u0000", 3)]
    [InlineData("\u00A0[]", 0)]
    public void Malformed_text_is_refused_with_its_byte_position(string json, long position)
    {
        JsonFormatException error = Assert.Throws<JsonFormatException>(() => JsonText.Parse(json));
        Assert.Equal(position, error.Position);
        Assert.Contains("position " + position, error.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<FormatException>(error);
    }

    [Fact]
    public void Nesting_up_to_the_limit_is_accepted()
    {
        string json = new string('[', JsonReader.MaxDepth) + new string(']', JsonReader.MaxDepth);
        JsonValue value = JsonText.Parse(json);
        for (int level = 1; level < JsonReader.MaxDepth; level++)
        {
            value = value.Items.Single();
        }

        Assert.Empty(value.Items);
        Assert.Equal(64, JsonReader.MaxDepth);
    }

    [Fact]
    public void Nesting_beyond_the_limit_is_refused()
    {
        string arrays = new string('[', JsonReader.MaxDepth + 1) + new string(']', JsonReader.MaxDepth + 1);
        Assert.Equal(JsonReader.MaxDepth, Assert.Throws<JsonFormatException>(() => JsonText.Parse(arrays)).Position);

        var objects = new StringBuilder();
        for (int i = 0; i <= JsonReader.MaxDepth; i++)
        {
            objects.Append("{\"a\":");
        }

        Assert.Throws<JsonFormatException>(() => JsonText.Parse(objects.Append('1').Append('}', JsonReader.MaxDepth + 1).ToString()));
    }

    [Fact]
    public void Ten_thousand_open_brackets_throw_JsonFormatException_not_StackOverflow()
    {
        Assert.Throws<JsonFormatException>(() => JsonText.Parse(new string('[', 10_000)));
        Assert.Throws<JsonFormatException>(() => JsonText.Parse(string.Concat(Enumerable.Repeat("{\"a\":[", 10_000))));
    }

    [Fact]
    public void UTF8_bytes_are_decoded_and_a_BOM_is_tolerated()
    {
        byte[] bytes = Encoding.UTF8.GetBytes("xx\uFEFF{\"s\":\"\u00E9\u2603\uD83D\uDE00\"}yy");
        JsonValue value = JsonReader.Parse(bytes, 2, bytes.Length - 4);
        Assert.Equal("\u00E9\u2603\uD83D\uDE00", value["s"]!.GetString());
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes.Skip(2).Take(3));
    }

    [Theory]
    [InlineData(new byte[] { 0x22, 0xFF, 0x22 }, 1)]
    [InlineData(new byte[] { 0x22, 0x80, 0x22 }, 1)]
    [InlineData(new byte[] { 0x22, 0xC0, 0xAF, 0x22 }, 1)]
    [InlineData(new byte[] { 0x22, 0xE0, 0x80, 0xAF, 0x22 }, 1)]
    [InlineData(new byte[] { 0x22, 0xED, 0xA0, 0x80, 0x22 }, 1)]
    [InlineData(new byte[] { 0x22, 0xF4, 0x90, 0x80, 0x80, 0x22 }, 1)]
    [InlineData(new byte[] { 0x22, 0xF8, 0x88, 0x80, 0x80, 0x80, 0x22 }, 1)]
    [InlineData(new byte[] { 0x22, 0x61, 0xE2, 0x98, 0x22 }, 2)]
    [InlineData(new byte[] { 0x22, 0xE2, 0x98 }, 1)]
    [InlineData(new byte[] { 0x22, 0xC3 }, 1)]
    public void Invalid_UTF8_is_refused_at_the_offending_byte(byte[] bytes, long position)
    {
        JsonFormatException error = Assert.Throws<JsonFormatException>(() => JsonReader.Parse(bytes, 0, bytes.Length));
        Assert.Equal(position, error.Position);
    }

    [Fact]
    public void Faults_in_UTF8_input_are_reported_as_byte_positions_in_the_array()
    {
        // "[\"é\",]": the ']' is character 5 of the text but byte 6 of the JSON, and byte 9 of the array.
        byte[] bytes = Encoding.UTF8.GetBytes("abc[\"\u00E9\",]");
        JsonFormatException error = Assert.Throws<JsonFormatException>(() => JsonReader.Parse(bytes, 3, bytes.Length - 3));
        Assert.Equal(9, error.Position);
    }

    [Fact]
    public void Bad_arguments_are_refused()
    {
        Assert.Throws<ArgumentNullException>(() => JsonReader.Parse(null!, 0, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => JsonReader.Parse(new byte[2], -1, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => JsonReader.Parse(new byte[2], 3, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => JsonReader.Parse(new byte[2], 1, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => JsonReader.Parse(new byte[2], 0, -1));
        Assert.Throws<JsonFormatException>(() => JsonReader.Parse(new byte[2], 2, 0));
    }

    [Fact]
    public void The_exception_has_the_standard_constructors()
    {
        Assert.Equal(-1, new JsonFormatException().Position);
        Assert.Equal("m", new JsonFormatException("m").Message);
        var inner = new InvalidOperationException();
        Assert.Same(inner, new JsonFormatException("m", inner).InnerException);
        Assert.Equal(7, new JsonFormatException("m", 7).Position);
    }
}
