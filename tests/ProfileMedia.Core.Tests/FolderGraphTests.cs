using System.IO;
using ProfileMedia.TestSupport;

namespace ProfileMedia.Core.Tests;

/// <summary>Core's folders (one namespace each) form a DAG: each can be read, and moved, knowing only those below it.</summary>
public sealed class FolderGraphTests
{
    [Fact]
    public void Cores_folders_use_each_other_without_a_cycle()
    {
        NamespaceGraph graph = NamespaceGraph.Of(typeof(ProfileUser).Assembly, Path.Combine(TestData.RepositoryRoot, "src", "ProfileMedia.Core"));

        Assert.Contains("ProfileMedia.Core.Api", graph.Edges["ProfileMedia.Core.Downloads"].Keys);
        string? cycles = graph.CycleReport();
        Assert.True(cycles == null, cycles);
    }
}
