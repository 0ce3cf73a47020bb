editionSearch.shard("mf",{"mfa":[[92,20]]});
