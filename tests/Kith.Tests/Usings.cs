global using System.Net;
global using Kith.Community.Contracts;
global using Kith.Platform.Data;
global using Kith.Tests.Infrastructure;
global using Microsoft.EntityFrameworkCore;
global using Microsoft.Extensions.DependencyInjection;
global using Xunit;
