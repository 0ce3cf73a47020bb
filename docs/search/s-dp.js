editionSearch.shard("dp",{"dprk":[[86,10]]});
