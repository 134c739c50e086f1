using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Codemod.IntegrationTests.Infrastructure;

namespace Codemod.IntegrationTests.Docs;

/// <summary>
/// README.md's examples of output on the bundled sample must be what the CLI really prints for it: the numbers are
/// read from README at test time and compared with real runs on a temp copy of the sample, so a README line that goes
/// out of date fails here with its line number and the real value.
/// </summary>
public sealed partial class ReadmeExampleTests(ReadmeExampleTests.SampleRuns runs) : IClassFixture<ReadmeExampleTests.SampleRuns>
{
    private static readonly string[] RequiredTotals = ["found", "notApplicable", "parsed", "changed", "unchanged", "skipped", "failed", "changes", "reviews", "suppressed"];

    [Fact]
    public async Task The_summary_line_example_has_the_counts_of_a_real_preview_of_the_sample()
    {
        // Given README's example summary line for env-to-isolated on the sample
        var readme = Readme.Load();
        var (lineNumber, documented) = readme.SampleSummaryLine();
        var documentedMatch = SummaryLine().Match(documented);
        Assert.True(documentedMatch.Success, $"README.md:{lineNumber} is not in the summary's form 'env-to-isolated <version>: N files found, N prefiltered out, N parsed, N changed (N rewrites), N skipped, N failed, N review items in S s': {documented}");

        // When previewing env-to-isolated on a copy of the sample
        var preview = await runs.PreviewAsync();
        var real = preview.Result.Stderr.Split('\n').Select(l => l.TrimEnd('\r')).FirstOrDefault(l => SummaryLine().IsMatch(l));
        Assert.True(real is not null, "the preview printed no summary line:\n" + preview.Result);

        // Then every count (and the version) is the real one; only the elapsed seconds may differ
        var realMatch = SummaryLine().Match(real!);
        var wrong = new List<string>();
        foreach (var group in new[] { "version", "found", "prefiltered", "parsed", "changed", "rewrites", "skipped", "failed", "reviews" })
        {
            if (documentedMatch.Groups[group].Value != realMatch.Groups[group].Value)
            {
                wrong.Add($"{group}: README says {documentedMatch.Groups[group].Value}, the real run {realMatch.Groups[group].Value}");
            }
        }

        Assert.True(wrong.Count == 0, $"README.md:{lineNumber} is out of date ({string.Join("; ", wrong)}).\nREADME: {documented}\nreal:   {real}");
    }

    [Fact]
    public async Task The_json_example_has_the_totals_and_arguments_of_a_real_preview_of_the_sample()
    {
        // Given README's --format json example of a preview of env-to-isolated on the sample
        var readme = Readme.Load();
        var (firstLine, block) = readme.JsonBlocks().SingleOrDefault(b => b.Text!.Contains("\"command\": \"preview\"", StringComparison.Ordinal) && b.Text.Contains("\"totals\"", StringComparison.Ordinal));
        Assert.True(block is not null, "README.md has no ```json block with \"command\": \"preview\" and \"totals\"");
        JsonNode documented;
        try
        {
            documented = JsonNode.Parse(block!, documentOptions: new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip })!;
        }
        catch (JsonException e)
        {
            throw new Xunit.Sdk.XunitException($"README.md:{firstLine}: the preview JSON example does not parse: {e.Message}");
        }

        var documentedTotals = documented["totals"]?.AsObject() ?? throw new Xunit.Sdk.XunitException($"README.md:{firstLine}: the preview JSON example has no \"totals\" object");
        var missing = RequiredTotals.Where(k => !documentedTotals.ContainsKey(k)).ToList();
        Assert.True(missing.Count == 0, $"README.md:{firstLine}: the preview JSON example's totals lack {string.Join(", ", missing)}");

        // When previewing env-to-isolated on a copy of the sample with --format json
        var preview = await runs.PreviewAsync();
        var real = JsonNode.Parse(preview.Result.StdoutBytes)!;

        // Then each total README shows, and the arguments, are the real ones
        var wrong = new List<string>();
        foreach (var (key, value) in documentedTotals)
        {
            var realValue = real["totals"]?[key];
            if (!JsonNode.DeepEquals(value, realValue))
            {
                wrong.Add($"README.md:{readme.LineOf(firstLine, block!, $"\"{key}\":")}: totals.{key} is {Show(value)}, the real run prints {Show(realValue)}");
            }
        }

        if (!JsonNode.DeepEquals(documented["arguments"], real["arguments"]))
        {
            wrong.Add($"README.md:{readme.LineOf(firstLine, block!, "\"arguments\":")}: arguments are {Show(documented["arguments"])}, the real run prints {Show(real["arguments"])}");
        }

        Assert.True(wrong.Count == 0, "README's preview JSON example is out of date:\n" + string.Join("\n", wrong));
    }

    [Fact]
    public async Task The_list_json_example_names_exactly_the_keys_a_real_list_prints()
    {
        // Given README's sketch of the `codemod list --format json` document (the keys of each level)
        var readme = Readme.Load();
        var (lineNumber, sketch) = readme.ListJsonSketch();
        var documented = KeySketch.Parse(sketch);

        // When listing the codemods as JSON
        var result = await CliHarness.RunAsync(Paths.RepositoryRoot, "list", "--format", "json", "--no-cache");
        Assert.True(result.ExitCode == 0, result.ToString());
        var real = JsonNode.Parse(result.StdoutBytes)!;

        // Then every level of every codemod has exactly the keys README names
        var wrong = new List<string>();
        KeySketch.Compare(documented, real, "", wrong);
        Assert.True(wrong.Count == 0, $"README.md:{lineNumber}: the `codemod list --format json` sketch is out of date:\n" + string.Join("\n", wrong.Distinct()));
    }

    private static string Show(JsonNode? node) => node?.ToJsonString() ?? "(absent)";

    [GeneratedRegex(@"^(?<name>env-to-isolated) (?<version>\S+): (?<found>\d+) files found, (?<prefiltered>\d+) prefiltered out, (?<parsed>\d+) parsed, (?<changed>\d+) changed \((?<rewrites>\d+) rewrites\), (?<skipped>\d+) skipped, (?<failed>\d+) failed, (?<reviews>\d+) review items in [\d.]+ s$")]
    private static partial Regex SummaryLine();

    /// <summary>One preview of env-to-isolated on a temp git copy of the sample, shared by the tests of the class.</summary>
    public sealed class SampleRuns : IDisposable
    {
        private readonly TempRepo _repo = TempRepo.FromSample();
        private readonly Lazy<Task<Preview>> _preview;

        public SampleRuns() => _preview = new(RunPreviewAsync);

        public Task<Preview> PreviewAsync() => _preview.Value;

        private async Task<Preview> RunPreviewAsync()
        {
            var result = await CliHarness.RunAsync(_repo.Path, "preview", "env-to-isolated", ".", "--format", "json", "--no-cache");
            Assert.True(result.ExitCode == 0, result.ToString());
            return new Preview(result);
        }

        public void Dispose() => _repo.Dispose();
    }

    public sealed record Preview(CliHarness.CliResult Result);

    /// <summary>README.md's lines (1-based numbers in messages).</summary>
    private sealed class Readme(string[] lines)
    {
        public static Readme Load() => new(File.ReadAllLines(Path.Combine(Paths.RepositoryRoot, "README.md")));

        public (int Line, string Text) Single(Func<string, bool> predicate, string what)
        {
            var hits = lines.Select((text, i) => (Line: i + 1, Text: text.Trim())).Where(l => predicate(l.Text)).ToList();
            Assert.True(hits.Count == 1, $"README.md should hold exactly one {what}; it holds {hits.Count}" + string.Concat(hits.Select(h => $"\n  line {h.Line}: {h.Text}")));
            return hits[0];
        }

        /// <summary>
        /// The env-to-isolated summary line whose example is on the sample: the rest of its fenced block names files
        /// in the sample's top-level folders (other examples run on made-up projects).
        /// </summary>
        public (int Line, string Text) SampleSummaryLine()
        {
            var folders = Directory.GetDirectories(Paths.SampleMonorepo).Select(d => Path.GetFileName(d) + "/").ToList();
            var hits = new List<(int Line, string Text)>();
            for (var i = 0; i < lines.Length; i++)
            {
                var text = lines[i].Trim();
                if (!text.StartsWith("env-to-isolated ", StringComparison.Ordinal) || !text.Contains(" files found, ", StringComparison.Ordinal))
                {
                    continue;
                }

                var rest = lines.Skip(i + 1).TakeWhile(l => !l.TrimStart().StartsWith("```", StringComparison.Ordinal));
                if (rest.Any(l => folders.Any(f => l.Contains(" " + f, StringComparison.Ordinal))))
                {
                    hits.Add((i + 1, text));
                }
            }

            Assert.True(hits.Count == 1, $"README.md should hold exactly one summary line 'env-to-isolated <version>: <N> files found, ...' followed by lines naming the sample's files; it holds {hits.Count}" + string.Concat(hits.Select(h => $"\n  line {h.Line}: {h.Text}")));
            return hits[0];
        }

        /// <summary>The ```json fenced blocks: the line number of their first content line and their text.</summary>
        public IEnumerable<(int FirstLine, string? Text)> JsonBlocks()
        {
            for (var i = 0; i < lines.Length; i++)
            {
                if (lines[i].Trim() != "```json")
                {
                    continue;
                }

                var end = Array.FindIndex(lines, i + 1, l => l.Trim() == "```");
                if (end < 0)
                {
                    yield break;
                }

                yield return (i + 2, string.Join("\n", lines[(i + 1)..end]));
                i = end;
            }
        }

        /// <summary>The README line in a block (starting at <paramref name="firstLine"/>) that first contains <paramref name="needle"/>.</summary>
        public int LineOf(int firstLine, string block, string needle)
        {
            var index = Array.FindIndex(block.Split('\n'), l => l.Contains(needle, StringComparison.Ordinal));
            return index < 0 ? firstLine : firstLine + index;
        }

        /// <summary>The code span after "`codemod list --format json` prints", which may run over several lines.</summary>
        public (int Line, string Sketch) ListJsonSketch()
        {
            const string lead = "`codemod list --format json` prints `";
            var (line, _) = Single(l => l.StartsWith(lead, StringComparison.Ordinal), "paragraph starting " + lead);
            var text = string.Join(" ", lines[(line - 1)..].Take(6));
            var start = text.IndexOf(lead, StringComparison.Ordinal) + lead.Length;
            var end = text.IndexOf('`', start);
            Assert.True(end > start, $"README.md:{line}: the `codemod list --format json` sketch has no closing backtick");
            return (line, text[start..end]);
        }
    }

    /// <summary>
    /// README's key sketch (<c>{ "schemaVersion": 1, "codemods": [{ "name", "parameters": [{ "name" }] }] }</c>): each
    /// object's keys, with the sketch of the objects a key holds (directly or in an array) when README gives one.
    /// </summary>
    private sealed partial class KeySketch
    {
        public Dictionary<string, KeySketch?> Keys { get; } = new(StringComparer.Ordinal);

        public static KeySketch Parse(string text)
        {
            var tokens = Tokens().Matches(text).Select(m => m.Value).ToList();
            var position = 0;
            var sketch = ParseObject(tokens, ref position);
            return sketch;
        }

        private static KeySketch ParseObject(List<string> tokens, ref int position)
        {
            Expect(tokens, ref position, "{");
            var sketch = new KeySketch();
            while (position < tokens.Count && tokens[position] != "}")
            {
                var key = tokens[position++].Trim('"');
                KeySketch? child = null;
                if (position < tokens.Count && tokens[position] == ":")
                {
                    position++;
                    child = ParseValue(tokens, ref position);
                }

                sketch.Keys[key] = child;
                if (position < tokens.Count && tokens[position] == ",")
                {
                    position++;
                }
            }

            Expect(tokens, ref position, "}");
            return sketch;
        }

        private static KeySketch? ParseValue(List<string> tokens, ref int position)
        {
            switch (tokens[position])
            {
                case "{":
                    return ParseObject(tokens, ref position);
                case "[":
                    position++;
                    var element = tokens[position] == "{" ? ParseObject(tokens, ref position) : SkipTo(tokens, ref position, "]");
                    Expect(tokens, ref position, "]");
                    return element;
                default:
                    position++;
                    return null;
            }
        }

        private static KeySketch? SkipTo(List<string> tokens, ref int position, string token)
        {
            while (position < tokens.Count && tokens[position] != token)
            {
                position++;
            }

            return null;
        }

        private static void Expect(List<string> tokens, ref int position, string token)
        {
            if (position >= tokens.Count || tokens[position] != token)
            {
                throw new Xunit.Sdk.XunitException($"README's `codemod list --format json` sketch does not parse: expected '{token}' at token {position} of {string.Join(" ", tokens)}");
            }

            position++;
        }

        /// <summary>Adds to <paramref name="wrong"/> each key README names that the real object lacks, and each real key README omits.</summary>
        public static void Compare(KeySketch sketch, JsonNode? real, string path, List<string> wrong)
        {
            foreach (var item in real is JsonArray array ? [.. array] : new[] { real })
            {
                if (item is not JsonObject obj)
                {
                    continue;
                }

                var realKeys = obj.Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
                foreach (var key in sketch.Keys.Keys.Where(k => !realKeys.Contains(k)))
                {
                    wrong.Add($"  {path}{key}: named in README, absent from the real output (which has {string.Join(", ", realKeys)})");
                }

                foreach (var key in realKeys.Where(k => !sketch.Keys.ContainsKey(k)))
                {
                    wrong.Add($"  {path}{key}: printed by the real run, missing from README");
                }

                foreach (var (key, child) in sketch.Keys)
                {
                    if (child is not null)
                    {
                        Compare(child, obj[key], $"{path}{key}[].", wrong);
                    }
                }
            }
        }

        [GeneratedRegex(@"""[^""]*""|[{}\[\]:,]|[^\s{}\[\]:,""]+")]
        private static partial Regex Tokens();
    }
}
