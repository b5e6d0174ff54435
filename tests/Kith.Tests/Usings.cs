global using Xunit;
global using Kith.Community.Contracts;
