editionSearch.shard("a1",{"a135":[[56,10]]});
