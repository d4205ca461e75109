// `testTimeout` is a global option: jest ignores it inside a project of a multi-project run (it warns
// "Unknown option"), so projects whose tests start servers or browsers set their limit here.
jest.setTimeout(60_000)
