editionSearch.shard("md",{"mda":[[83,10]],"mdr":[[84,10]]});
