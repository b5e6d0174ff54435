using Kith.Platform.Security;

namespace Kith.Insights.Stories;

/// <summary>A story's receipt code, which withdraws it: a <see cref="PrivateCode"/> hashed with the stories' own key-ring secret.</summary>
internal sealed class StoryCode(byte[] key) : PrivateCode(key);
