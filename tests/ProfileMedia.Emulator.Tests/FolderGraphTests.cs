using System.IO;
using ProfileMedia.TestSupport;

namespace ProfileMedia.Emulator.Tests;

/// <summary>The emulator's folders (one namespace each) form a DAG: the state below the endpoints, the server on top.</summary>
public sealed class FolderGraphTests
{
    [Fact]
    public void The_emulators_folders_use_each_other_without_a_cycle()
    {
        NamespaceGraph graph = NamespaceGraph.Of(typeof(EmulatorServer).Assembly, Path.Combine(TestData.RepositoryRoot, "src", "ProfileMedia.Emulator"));

        Assert.Contains("ProfileMedia.Emulator.State", graph.Edges["ProfileMedia.Emulator.Api"].Keys);
        string? cycles = graph.CycleReport();
        Assert.True(cycles == null, cycles);
    }
}
